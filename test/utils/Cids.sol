// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Cids: binary CIDs built from the multiformats specs, independently of RecordCid
/// @notice CIDv0 is the bare multihash `0x12 0x20 <digest>`; CIDv1 is
/// `<varint 1> <varint codec> <multihash>`, with unsigned LEB128 varints.
library Cids {
    uint8 internal constant SHA2_256 = 0x12;
    uint8 internal constant DIGEST_LENGTH = 0x20;

    /// @notice The CIDv0 of a sha2-256 `digest`.
    function v0(bytes32 digest) internal pure returns (bytes memory) {
        return abi.encodePacked(SHA2_256, DIGEST_LENGTH, digest);
    }

    /// @notice The CIDv1 of a sha2-256 `digest` with content codec `codec` (any size).
    function v1(uint256 codec, bytes32 digest) internal pure returns (bytes memory) {
        return abi.encodePacked(varint(1), varint(codec), SHA2_256, DIGEST_LENGTH, digest);
    }

    /// @notice The unsigned LEB128 (multiformats varint) encoding of `value`.
    function varint(uint256 value) internal pure returns (bytes memory out) {
        do {
            uint8 low = uint8(value & 0x7f);
            value >>= 7;
            out = abi.encodePacked(out, value == 0 ? low : low | 0x80);
        } while (value != 0);
    }

    /// @notice Whether `cid` is what the contract accepts, decided straight from the specs: a
    /// CIDv0, or a CIDv1 whose codec varint is minimal and below 2^14, both sha2-256.
    function isAccepted(bytes memory cid) internal pure returns (bool) {
        if (cid.length == 34) return uint8(cid[0]) == SHA2_256 && uint8(cid[1]) == DIGEST_LENGTH;
        if (cid.length < 36 || uint8(cid[0]) != 1) return false;
        // Read the codec varint (at most two bytes are ever accepted).
        uint256 codec;
        uint256 offset = 1;
        for (uint256 shift; ; shift += 7) {
            if (offset >= cid.length || shift > 7) return false;
            uint8 b = uint8(cid[offset++]);
            codec |= uint256(b & 0x7f) << shift;
            if (b < 0x80) {
                // Minimal: a multi-byte varint never ends with a zero byte.
                if (b == 0 && shift != 0) return false;
                break;
            }
        }
        if (codec >= 1 << 14) return false;
        return cid.length == offset + 34 && uint8(cid[offset]) == SHA2_256 && uint8(cid[offset + 1]) == DIGEST_LENGTH;
    }
}
