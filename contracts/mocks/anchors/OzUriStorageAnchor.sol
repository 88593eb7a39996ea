// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721URIStorage} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721URIStorage.sol";

/// @title Gas anchor: OpenZeppelin ERC721URIStorage mint with a CID string as token URI
/// @notice The usual way NFT health-record projects store an IPFS pointer (benchmark only).
contract OzUriStorageAnchor is ERC721URIStorage {
    constructor() ERC721("Anchor", "ANC") {}

    function mint(address to, uint256 tokenId, string calldata uri) external {
        _safeMint(to, tokenId);
        _setTokenURI(tokenId, uri);
    }
}
