// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IBioDentalNFT} from "../interfaces/IBioDentalNFT.sol";

/// @title RecordCid: binary CIDs stored as a 32-byte digest plus a 24-bit format
/// @notice A sha2-256 CID is 34 to 37 bytes, of which 32 are the digest. Storing the digest in
/// its own slot and the rest as a 24-bit `format` packed beside other data keeps a record pointer
/// to one storage slot, and `encode(decode(cid)) == cid` byte for byte.
/// @dev format == 0: CIDv0 (`0x12 0x20 <digest>`). Otherwise bit 23 is set and the low 14 bits
/// are the CIDv1 content codec (`0x01 <codec varint> 0x12 0x20 <digest>`), whose varint is one
/// byte below 0x80 and two bytes (minimally encoded) below 2^14: dag-pb 0x70, raw 0x55,
/// dag-cbor 0x71, dag-json 0x0129 all fit.
library RecordCid {
    /// @dev Marks a CIDv1 in `format`, so that CIDv1 with codec 0 (identity) differs from CIDv0.
    uint24 internal constant V1_FLAG = 1 << 23;

    /// @dev The multihash prefix of a 32-byte sha2-256 digest: code 0x12, length 0x20.
    bytes2 private constant _SHA256_PREFIX = 0x1220;

    /// @notice Splits a binary CID into its digest and format, reverting if it is malformed.
    function decode(bytes calldata cid) internal pure returns (bytes32 digest, uint24 format) {
        uint256 length = cid.length;
        if (length == 34) {
            if (bytes2(cid[0:2]) == _SHA256_PREFIX) return (bytes32(cid[2:34]), 0);
        } else if ((length == 36 || length == 37) && cid[0] == 0x01) {
            uint256 codec = uint8(cid[1]);
            uint256 offset = 2;
            if (codec >= 0x80) {
                uint256 high = uint8(cid[2]);
                // A two-byte varint must end here (high < 0x80) and be minimal (high != 0).
                if (high == 0 || high >= 0x80) revert IBioDentalNFT.BioDentalMalformedCid(cid);
                codec = (codec & 0x7f) | (high << 7);
                offset = 3;
            }
            if (length == offset + 34 && bytes2(cid[offset:offset + 2]) == _SHA256_PREFIX) {
                // codec < 2^14, so the cast cannot truncate and the flag bit stays free.
                return (bytes32(cid[offset + 2:length]), uint24(V1_FLAG | codec));
            }
        }
        revert IBioDentalNFT.BioDentalMalformedCid(cid);
    }

    /// @notice Rebuilds the exact binary CID that `decode` split.
    function encode(bytes32 digest, uint24 format) internal pure returns (bytes memory) {
        if (format & V1_FLAG == 0) return abi.encodePacked(_SHA256_PREFIX, digest);
        uint24 codec = format & ~V1_FLAG;
        if (codec < 0x80) return abi.encodePacked(uint8(1), uint8(codec), _SHA256_PREFIX, digest);
        return abi.encodePacked(uint8(1), uint8(codec & 0x7f) | 0x80, uint8(codec >> 7), _SHA256_PREFIX, digest);
    }
}
