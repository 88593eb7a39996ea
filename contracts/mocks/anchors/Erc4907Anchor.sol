// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// @title Gas anchor: a minimal ERC-4907 rental `setUser` (benchmark only, never deployed)
/// @notice The closest standard to a time-limited grant: one user with an expiry per token.
contract Erc4907Anchor is ERC721 {
    struct UserInfo {
        address user;
        uint64 expires;
    }

    mapping(uint256 tokenId => UserInfo) private _users;

    event UpdateUser(uint256 indexed tokenId, address indexed user, uint64 expires);

    error Erc4907AnchorUnauthorized(address caller);

    constructor() ERC721("Anchor", "ANC") {}

    function mint(address to, uint256 tokenId) external {
        _mint(to, tokenId);
    }

    function setUser(uint256 tokenId, address user, uint64 expires) external {
        if (!_isAuthorized(_ownerOf(tokenId), msg.sender, tokenId)) revert Erc4907AnchorUnauthorized(msg.sender);
        _users[tokenId] = UserInfo(user, expires);
        emit UpdateUser(tokenId, user, expires);
    }

    function userOf(uint256 tokenId) external view returns (address) {
        UserInfo memory info = _users[tokenId];
        return info.expires >= block.timestamp ? info.user : address(0);
    }
}
