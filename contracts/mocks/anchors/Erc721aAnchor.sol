// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC721A} from "erc721a/contracts/ERC721A.sol";

/// @title Gas anchor: ERC721A minting one token (benchmark only, never deployed)
contract Erc721aAnchor is ERC721A {
    constructor() ERC721A("Anchor", "ANC") {}

    function mint(uint256 quantity) external {
        _mint(msg.sender, quantity);
    }
}
