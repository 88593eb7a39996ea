// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title The metadata renderer of Bio-Dental tokens
/// @notice Kept out of the token contract so the token stays small and the art can evolve.
interface IBioDentalRenderer {
    /// @notice Renders the ERC-721 metadata of `tokenId` as a `data:application/json;base64,` URI
    /// with on-chain SVG art.
    /// @param consent Whether the owner consents to show `title` and `storyCid`; when false the
    /// renderer must not reveal anything about the owner beyond the token id.
    /// @param title The owner's public title; printable ASCII without `"` `\` `<` `>` `&`.
    /// @param storyCid The binary CID of the owner's public story, or empty.
    function tokenURI(
        uint256 tokenId,
        bool consent,
        string calldata title,
        bytes calldata storyCid
    ) external view returns (string memory);
}
