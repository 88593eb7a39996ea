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
    /// @dev The three valid shapes differ in length, so the length picks the shape and a single
    /// word read at the start of `cid` holds every prefix byte to check.
    function decode(bytes calldata cid) internal pure returns (bytes32 digest, uint24 format) {
        bool valid;
        // Reads only: every calldataload below starts inside `cid` and, for the length of its
        // case, ends inside it too (34: bytes 2-33; 36: bytes 4-35; 37: bytes 5-36), except the
        // head word, of which only the first 2 to 5 bytes are used. Nothing touches memory.
        assembly ("memory-safe") {
            let head := calldataload(cid.offset)
            switch cid.length
            case 34 {
                // CIDv0: 0x12 0x20 <digest>
                valid := eq(shr(240, head), 0x1220)
                digest := calldataload(add(cid.offset, 2))
            }
            case 36 {
                // CIDv1, one-byte codec: 0x01 <codec < 0x80> 0x12 0x20 <digest>
                let codec := byte(1, head)
                valid := and(eq(and(shr(224, head), 0xff00ffff), 0x01001220), lt(codec, 0x80))
                format := or(V1_FLAG, codec)
                digest := calldataload(add(cid.offset, 4))
            }
            case 37 {
                // CIDv1, two-byte codec: 0x01 <low | 0x80> <high, 1..0x7f> 0x12 0x20 <digest>.
                // high != 0 keeps the varint minimal; the codec is below 2^14, so it leaves the
                // flag bit free and fits uint24.
                let low := byte(1, head)
                let high := byte(2, head)
                valid := and(
                    and(eq(and(shr(216, head), 0xff0000ffff), 0x0100001220), gt(low, 0x7f)),
                    and(gt(high, 0), lt(high, 0x80))
                )
                format := or(V1_FLAG, or(and(low, 0x7f), shl(7, high)))
                digest := calldataload(add(cid.offset, 5))
            }
        }
        if (!valid) revert IBioDentalNFT.BioDentalMalformedCid(cid);
    }

    /// @notice Rebuilds the exact binary CID that `decode` split.
    function encode(bytes32 digest, uint24 format) internal pure returns (bytes memory) {
        if (format & V1_FLAG == 0) return abi.encodePacked(_SHA256_PREFIX, digest);
        uint24 codec = format & ~V1_FLAG;
        if (codec < 0x80) return abi.encodePacked(uint8(1), uint8(codec), _SHA256_PREFIX, digest);
        return abi.encodePacked(uint8(1), uint8(codec & 0x7f) | 0x80, uint8(codec >> 7), _SHA256_PREFIX, digest);
    }
}
