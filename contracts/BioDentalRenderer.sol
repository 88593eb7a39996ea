// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IBioDentalRenderer} from "./interfaces/IBioDentalRenderer.sol";

/// @title BioDentalRenderer: on-chain JSON and SVG art for Bio-Dental tokens
/// @notice The art is a tooth in a halo whose colours come from the token id alone, so it reveals
/// nothing about the record. Only with the owner's consent do the title and story appear.
contract BioDentalRenderer is IBioDentalRenderer {
    using Strings for uint256;

    bytes private constant _BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    /// @inheritdoc IBioDentalRenderer
    function tokenURI(
        uint256 tokenId,
        bool consent,
        string calldata title,
        bytes calldata storyCid
    ) external pure returns (string memory) {
        bool hasTitle = consent && bytes(title).length != 0;
        bool hasStory = consent && storyCid.length != 0;
        string memory name = hasTitle ? title : "Bio-Dental Record";
        bytes memory json = abi.encodePacked(
            '{"name":"',
            name,
            '","description":"',
            hasTitle
                ? "An Emotional Echoes story, shared by its owner."
                : "A private oral-wellness record. Its contents are encrypted; only the owner decides who reads them.",
            '","image":"data:image/svg+xml;base64,',
            Base64.encode(_svg(tokenId, hasTitle ? title : "")),
            '"'
        );
        if (hasStory) {
            string memory story = _cidToString(storyCid);
            json = abi.encodePacked(json, ',"external_url":"ipfs://', story, '"');
        }
        json = abi.encodePacked(
            json,
            ',"attributes":[{"trait_type":"Soulbound","value":"true"},{"trait_type":"Public story","value":"',
            hasStory ? "shared" : "private",
            '"}]}'
        );
        return string.concat("data:application/json;base64,", Base64.encode(json));
    }

    function _svg(uint256 tokenId, string memory title) private pure returns (bytes memory) {
        uint256 seed = uint256(keccak256(abi.encode(tokenId)));
        string memory hue = (seed % 360).toString();
        string memory accent = ((seed >> 16) % 360).toString();
        return
            abi.encodePacked(
                '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 320">',
                '<defs><radialGradient id="h"><stop offset="0" stop-color="hsl(',
                hue,
                ',80%,92%)"/><stop offset="1" stop-color="hsl(',
                accent,
                ',70%,55%)"/></radialGradient></defs>',
                '<rect width="320" height="320" rx="32" fill="url(#h)"/>',
                '<path d="M110 90c20-18 40-8 50 0 10-8 30-18 50 0 22 20 10 60 2 90-6 24-10 60-26 60',
                '-14 0-12-40-26-40s-12 40-26 40c-16 0-20-36-26-60-8-30-20-70 2-90z" fill="#fff" stroke="hsl(',
                accent,
                ',60%,35%)" stroke-width="6"/>',
                '<text x="160" y="290" font-family="sans-serif" font-size="16" text-anchor="middle" fill="#1b2a3a">',
                bytes(title).length != 0 ? title : "Bio-Dental",
                "</text></svg>"
            );
    }

    /// @dev Renders a binary CID as a base32 CIDv1 string ("b..."), converting CIDv0 to its
    /// CIDv1 dag-pb form, which names the same content.
    function _cidToString(bytes calldata cid) private pure returns (string memory) {
        bytes memory v1 = cid.length == 34 ? abi.encodePacked(uint8(1), uint8(0x70), cid) : cid;
        bytes memory out = new bytes(1 + (v1.length * 8 + 4) / 5);
        out[0] = "b";
        uint256 buffer;
        uint256 bits;
        uint256 j = 1;
        for (uint256 i; i < v1.length; ++i) {
            buffer = (buffer << 8) | uint8(v1[i]);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[j++] = _BASE32_ALPHABET[(buffer >> bits) & 31];
            }
        }
        if (bits != 0) out[j++] = _BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
        return string(out);
    }
}
