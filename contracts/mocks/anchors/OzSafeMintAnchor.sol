// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// @title Gas anchor: OpenZeppelin's bare ERC721 `_safeMint` (benchmark only, never deployed)
contract OzSafeMintAnchor is ERC721 {
    constructor() ERC721("Anchor", "ANC") {}

    function safeMint(address to, uint256 tokenId) external {
        _safeMint(to, tokenId);
    }
}
