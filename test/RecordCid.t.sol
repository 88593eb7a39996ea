// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IBioDentalNFT} from "../contracts/interfaces/IBioDentalNFT.sol";
import {RecordCid} from "../contracts/libraries/RecordCid.sol";
import {RecordCidHarness} from "./harnesses/RecordCidHarness.sol";
import {BioDentalFixture} from "./utils/BioDentalFixture.sol";
import {Cids} from "./utils/Cids.sol";

/// @title CID validation: every byte string either round-trips exactly or is refused
/// @notice `Cids.isAccepted` is the specification (CIDv0, or CIDv1 with a minimal codec varint
/// below 2^14, sha2-256 only); the contract must agree with it on every input.
contract RecordCidTest is BioDentalFixture {
    /// @dev The CIDs of "hello bio-dental", as the `multiformats` npm package encodes them.
    bytes32 private constant HELLO_DIGEST = 0x7cf8acfef4bf67ae668fdd9af0aa0ad9c7bf71289a76c42c2339c36efe3e5c41;

    RecordCidHarness private harness;

    function setUp() public override {
        super.setUp();
        harness = new RecordCidHarness();
    }

    // ================================================================ known CIDs

    function test_mint_roundTripsCidsFromMultiformats() public {
        bytes[5] memory cids = [
            // QmWkVCDS6ZyX3J2u262EaSBBv4yTm3vaQDyyFVo9xgvhM2
            bytes(hex"12207cf8acfef4bf67ae668fdd9af0aa0ad9c7bf71289a76c42c2339c36efe3e5c41"),
            // bafybeid47cwp55f7m6xgnd65tlykucwzy67xcke2o3ccyizzynxp4ps4ie (dag-pb)
            hex"017012207cf8acfef4bf67ae668fdd9af0aa0ad9c7bf71289a76c42c2339c36efe3e5c41",
            // bafkreid47cwp55f7m6xgnd65tlykucwzy67xcke2o3ccyizzynxp4ps4ie (raw)
            hex"015512207cf8acfef4bf67ae668fdd9af0aa0ad9c7bf71289a76c42c2339c36efe3e5c41",
            // bafyreid47cwp55f7m6xgnd65tlykucwzy67xcke2o3ccyizzynxp4ps4ie (dag-cbor)
            hex"017112207cf8acfef4bf67ae668fdd9af0aa0ad9c7bf71289a76c42c2339c36efe3e5c41",
            // baguqeerapt4kz7xux5t24zup3wnpbkqk3hd364jitj3milbdhhbw57r6lraq (dag-json, 2-byte codec)
            hex"01a90212207cf8acfef4bf67ae668fdd9af0aa0ad9c7bf71289a76c42c2339c36efe3e5c41"
        ];
        uint16[5] memory codecs = [uint16(0), 0x70, 0x55, 0x71, 0x0129];
        for (uint256 i; i < cids.length; ++i) {
            bytes memory expected = i == 0 ? Cids.v0(HELLO_DIGEST) : Cids.v1(codecs[i], HELLO_DIGEST);
            assertEq(cids[i], expected, "the test's own encoder agrees with multiformats");
            vm.prank(alice);
            uint256 tokenId = nft.mint(cids[i]);
            (bytes memory stored, , ) = nft.recordOf(tokenId);
            assertEq(stored, cids[i], "round trip");
        }
    }

    // ================================================================ through the contract

    /// Any byte string: minted and returned byte for byte, or refused with BioDentalMalformedCid.
    function testFuzz_mint_anyBytesRoundTripOrRevertMalformed(bytes calldata cid) public {
        _mintRoundTripsOrReverts(cid);
    }

    /// Byte strings built to be near-CIDs: about a third are valid, the rest miss in one part.
    function testFuzz_mint_nearCidsRoundTripOrRevertMalformed(
        uint8 flags,
        uint8 version,
        uint24 codecBytes,
        uint8 hashCode,
        uint8 hashLength,
        bytes32 digest,
        uint8 digestLength
    ) public {
        _mintRoundTripsOrReverts(_nearCid(flags, version, codecBytes, hashCode, hashLength, digest, digestLength));
    }

    function testFuzz_mint_roundTripsEveryCidV0(bytes32 digest) public {
        assertTrue(_mintRoundTripsOrReverts(Cids.v0(digest)), "accepted");
    }

    function testFuzz_mint_roundTripsEveryCidV1BelowCodec2To14(uint256 codec, bytes32 digest) public {
        codec = bound(codec, 0, (1 << 14) - 1);
        assertTrue(_mintRoundTripsOrReverts(Cids.v1(codec, digest)), "accepted");
    }

    function testFuzz_mint_revertsOnCodecsFrom2To14(uint256 codec, bytes32 digest) public {
        codec = bound(codec, 1 << 14, type(uint64).max);
        _expectMalformedMint(Cids.v1(codec, digest));
    }

    /// Changing the version, multihash code or digest length byte of a valid CID breaks it.
    function testFuzz_mint_revertsOnMutatedPrefix(
        bytes32 digest,
        uint256 codec,
        bool v1,
        uint8 which,
        uint8 value
    ) public {
        codec = bound(codec, 0, (1 << 14) - 1);
        bytes memory cid = v1 ? Cids.v1(codec, digest) : Cids.v0(digest);
        uint256 codecLength = codec < 0x80 ? 1 : 2;
        // Positions of the fixed bytes: [version,] multihash code, digest length.
        uint256 position;
        which = uint8(bound(which, 0, v1 ? 2 : 1));
        if (v1) position = which == 0 ? 0 : codecLength + which;
        else position = which;
        vm.assume(uint8(cid[position]) != value);
        cid[position] = bytes1(value);
        _expectMalformedMint(cid);
    }

    /// A valid CID cut short or extended by up to 8 bytes is refused.
    function testFuzz_mint_revertsOnWrongLength(
        bytes32 digest,
        uint256 codec,
        bool v1,
        bool extend,
        uint256 delta,
        bytes8 tail
    ) public {
        codec = bound(codec, 0, (1 << 14) - 1);
        delta = bound(delta, 1, 8);
        bytes memory cid = v1 ? Cids.v1(codec, digest) : Cids.v0(digest);
        if (extend) {
            cid = abi.encodePacked(cid, _slice(abi.encodePacked(tail), 0, delta));
        } else {
            cid = _slice(cid, 0, cid.length - delta);
        }
        _expectMalformedMint(cid);
    }

    /// A codec varint with a redundant zero byte (non-minimal) is refused: it would not round-trip.
    function testFuzz_mint_revertsOnNonMinimalCodecVarint(uint256 codec, bytes32 digest) public {
        codec = bound(codec, 0, 0x7f);
        _expectMalformedMint(abi.encodePacked(uint8(1), uint8(codec) | 0x80, uint8(0), uint16(0x1220), digest));
    }

    function testFuzz_updateRecord_anyBytesRoundTripOrRevertMalformed(bytes calldata cid) public {
        uint256 tokenId = mintAs(alice, 1);
        if (Cids.isAccepted(cid)) {
            vm.expectEmit(true, true, true, true, address(nft));
            emit IBioDentalNFT.RecordUpdated(tokenId, 2, cid);
        }
        vm.prank(alice);
        try nft.updateRecord(tokenId, cid) {
            (bytes memory stored, uint64 version, ) = nft.recordOf(tokenId);
            assertTrue(Cids.isAccepted(cid), "accepted only what the spec accepts");
            assertEq(stored, cid, "round trip");
            assertEq(version, 2, "version");
        } catch (bytes memory reason) {
            assertFalse(Cids.isAccepted(cid), "refused a valid CID");
            assertEq(reason, abi.encodeWithSelector(IBioDentalNFT.BioDentalMalformedCid.selector, cid), "error");
            (bytes memory stored, uint64 version, ) = nft.recordOf(tokenId);
            assertEq(stored, cidOf(1), "record unchanged");
            assertEq(version, 1, "version unchanged");
        }
    }

    /// The public story's CID is validated and stored the same way as the record's.
    function testFuzz_setPublicProfile_storyCidRoundTripsOrRevertsMalformed(
        uint8 flags,
        uint8 version,
        uint24 codecBytes,
        uint8 hashCode,
        uint8 hashLength,
        bytes32 digest,
        uint8 digestLength
    ) public {
        bytes memory cid = _nearCid(flags, version, codecBytes, hashCode, hashLength, digest, digestLength);
        uint256 tokenId = mintAs(alice, 1);
        vm.prank(alice);
        try nft.setPublicProfile(tokenId, "My smile", cid, true) {
            assertTrue(Cids.isAccepted(cid), "accepted only what the spec accepts");
            (string memory title, bytes memory storyCid, bool consent) = nft.publicProfileOf(tokenId);
            assertEq(storyCid, cid, "round trip");
            assertEq(title, "My smile", "title");
            assertTrue(consent, "consent");
        } catch (bytes memory reason) {
            assertFalse(Cids.isAccepted(cid), "refused a valid CID");
            assertEq(reason, abi.encodeWithSelector(IBioDentalNFT.BioDentalMalformedCid.selector, cid), "error");
        }
    }

    // ================================================================ the library itself

    function testFuzz_decode_agreesWithTheSpecOnAnyBytes(bytes calldata cid) public view {
        try harness.decode(cid) returns (bytes32 digest, uint24 format) {
            assertTrue(Cids.isAccepted(cid), "accepted only what the spec accepts");
            assertEq(digest, bytes32(cid[cid.length - 32:]), "digest is the last 32 bytes");
            assertEq(harness.encode(digest, format), cid, "encode(decode(cid)) == cid");
        } catch (bytes memory reason) {
            assertFalse(Cids.isAccepted(cid), "refused a valid CID");
            assertEq(reason, abi.encodeWithSelector(IBioDentalNFT.BioDentalMalformedCid.selector, cid), "error");
        }
    }

    function testFuzz_encode_isInvertedByDecode(bytes32 digest, uint256 codec, bool v1) public view {
        codec = bound(codec, 0, (1 << 14) - 1);
        uint24 format = v1 ? uint24(RecordCid.V1_FLAG | codec) : 0;
        bytes memory cid = harness.encode(digest, format);
        assertEq(cid, v1 ? Cids.v1(codec, digest) : Cids.v0(digest), "the multiformats encoding");
        (bytes32 decodedDigest, uint24 decodedFormat) = harness.decode(cid);
        assertEq(decodedDigest, digest, "digest");
        assertEq(decodedFormat, format, "format");
    }

    function test_decode_distinguishesV0FromV1IdentityCodec() public view {
        (, uint24 v0Format) = harness.decode(Cids.v0(HELLO_DIGEST));
        (, uint24 v1Format) = harness.decode(Cids.v1(0, HELLO_DIGEST));
        assertTrue(v0Format != v1Format, "formats differ");
    }

    // ================================================================ helpers

    /// @dev Mints `cid` and checks that it round-trips if and only if the spec accepts it.
    function _mintRoundTripsOrReverts(bytes memory cid) private returns (bool accepted) {
        if (Cids.isAccepted(cid)) {
            // The log an indexer replays carries the exact CID, canonically ABI-encoded.
            vm.expectEmit(true, true, true, true, address(nft));
            emit IBioDentalNFT.RecordUpdated(nft.nextTokenIdOf(alice), 1, cid);
        }
        vm.prank(alice);
        try nft.mint(cid) returns (uint256 tokenId) {
            assertTrue(Cids.isAccepted(cid), "accepted only what the spec accepts");
            (bytes memory stored, uint64 version, ) = nft.recordOf(tokenId);
            assertEq(stored, cid, "round trip");
            assertEq(version, 1, "version");
            return true;
        } catch (bytes memory reason) {
            assertFalse(Cids.isAccepted(cid), "refused a valid CID");
            assertEq(reason, abi.encodeWithSelector(IBioDentalNFT.BioDentalMalformedCid.selector, cid), "error");
            assertEq(nft.balanceOf(alice), 0, "nothing minted");
            return false;
        }
    }

    function _expectMalformedMint(bytes memory cid) private {
        assertFalse(Cids.isAccepted(cid), "the test built a valid CID");
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalMalformedCid.selector, cid));
        vm.prank(alice);
        nft.mint(cid);
    }

    /// @dev A CID-like byte string: bit 0 of `flags` picks v0 or v1; the rest picks which part,
    /// if any, takes the fuzzer's value instead of the right one: none (3 in 8), the version, the
    /// codec, the multihash code, the digest length byte or the digest's actual length.
    function _nearCid(
        uint8 flags,
        uint8 version,
        uint24 codecBytes,
        uint8 hashCode,
        uint8 hashLength,
        bytes32 digest,
        uint8 digestLength
    ) private pure returns (bytes memory) {
        bool v1 = flags & 1 != 0;
        uint8 wrong = (flags >> 1) % 8;
        bytes memory multihash = abi.encodePacked(
            wrong == 5 ? hashCode : Cids.SHA2_256,
            wrong == 6 ? hashLength : Cids.DIGEST_LENGTH,
            wrong == 7 ? _slice(abi.encodePacked(digest, digest), 0, digestLength % 64) : bytes.concat(digest)
        );
        if (!v1) return multihash;
        // A right codec is any minimal varint below 2^14; a wrong one is 1-3 raw bytes, a
        // non-minimal varint (a redundant zero byte) or a varint of 2^14 or more.
        bytes memory codec;
        if (wrong != 4) codec = Cids.varint(codecBytes % (1 << 14));
        else if (codecBytes % 3 == 0) codec = _slice(abi.encodePacked(codecBytes), 0, 1 + ((codecBytes >> 2) % 3));
        else if (codecBytes % 3 == 1) codec = abi.encodePacked(uint8(codecBytes) | 0x80, uint8(0));
        else codec = Cids.varint((1 << 14) + codecBytes);
        return abi.encodePacked(wrong == 3 ? version : 1, codec, multihash);
    }

    function _slice(bytes memory data, uint256 start, uint256 end) private pure returns (bytes memory out) {
        out = new bytes(end - start);
        for (uint256 i = start; i < end; ++i) out[i - start] = data[i];
    }
}
