// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ERC-5192: Minimal Soulbound NFTs
/// @notice Interface id 0xb45a3c0e. A locked token cannot be transferred.
interface IERC5192 {
    /// @notice Emitted when the locking status is changed to locked.
    /// @dev Emitted once per token, at mint: Bio-Dental tokens are locked for life.
    event Locked(uint256 tokenId);

    /// @notice Emitted when the locking status is changed to unlocked.
    /// @dev Declared for ERC-5192 conformance; never emitted by Bio-Dental tokens.
    event Unlocked(uint256 tokenId);

    /// @notice Returns the locking status of a token.
    /// @dev Reverts for a token that does not exist, as the standard requires.
    function locked(uint256 tokenId) external view returns (bool);
}
