// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title The errors of the non-transferable ERC-721 core
/// @notice Every transfer and approval path of a Bio-Dental token reverts: health records are not
/// for sale, and a record that could move could be sold.
interface ISoulboundERC721 {
    /// @notice Thrown when a transfer of `tokenId` is attempted: tokens are bound to their owner.
    error BioDentalTransferDisabled(uint256 tokenId);

    /// @notice Thrown when an approval is attempted: there is nothing an operator could do.
    error BioDentalApprovalDisabled();

    /// @notice Thrown when a query names a token that was never minted or was burned.
    error BioDentalNonexistentToken(uint256 tokenId);

    /// @notice Thrown when `balanceOf` is asked about the zero address.
    error BioDentalInvalidOwner(address owner);
}
