// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BioDentalNFT} from "../../contracts/BioDentalNFT.sol";
import {BioDentalRenderer} from "../../contracts/BioDentalRenderer.sol";
import {IBioDentalNFT} from "../../contracts/interfaces/IBioDentalNFT.sol";
import {TestBase} from "./TestBase.sol";
import {Cids} from "./Cids.sol";

/// @title BioDentalFixture: a deployed BioDentalNFT, named accounts and EIP-712 signing helpers
/// @notice The EIP-712 digests are rebuilt here from the interface's documented type strings,
/// not read from the contract, so a contract that hashed the wrong fields would fail the tests.
abstract contract BioDentalFixture is TestBase {
    bytes32 internal constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    bytes32 internal constant GRANT_TYPEHASH = keccak256(
        "GrantAccess(uint256 tokenId,address grantee,uint8 scopes,uint64 expiresAt,bytes wrappedKey,uint256 nonce,uint256 deadline)"
    );
    bytes32 internal constant PRESENTATION_TYPEHASH = keccak256(
        "Presentation(uint256 tokenId,address holder,address booth,bytes32 challenge,uint64 notAfter)"
    );

    uint8 internal constant READ = 1;
    uint8 internal constant PRESENT = 2;
    /// @dev A plausible present: block timestamps in the tests start here.
    uint256 internal constant START = 1_750_000_000;

    BioDentalNFT internal nft;
    BioDentalRenderer internal renderer;

    address internal organizer;
    address internal alice;
    uint256 internal aliceKey;
    address internal bob;
    uint256 internal bobKey;
    address internal carol;
    uint256 internal carolKey;
    address internal booth;

    /// @dev An 80-byte wrapped key, the size of an HPKE-wrapped 32-byte data key.
    bytes internal constant WRAPPED_KEY =
        hex"0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f50";

    function setUp() public virtual {
        vm.warp(START);
        (organizer, ) = makeAccount("organizer");
        (alice, aliceKey) = makeAccount("alice");
        (bob, bobKey) = makeAccount("bob");
        (carol, carolKey) = makeAccount("carol");
        (booth, ) = makeAccount("booth");
        renderer = new BioDentalRenderer();
        nft = new BioDentalNFT(organizer, renderer);
        vm.label(address(nft), "BioDentalNFT");
        vm.prank(organizer);
        nft.registerBooth(booth, "Smile booth");
    }

    // ---------------------------------------------------------------- records

    function cidOf(uint256 seed) internal pure returns (bytes memory) {
        return Cids.v1(0x55, keccak256(abi.encode("record", seed)));
    }

    function mintAs(address owner, uint256 seed) internal returns (uint256 tokenId) {
        vm.prank(owner);
        tokenId = nft.mint(cidOf(seed));
    }

    function tokenIdOf(address owner, uint256 mintIndex) internal pure returns (uint256) {
        return (uint256(uint160(owner)) << 96) | mintIndex;
    }

    function isValidScope(uint8 scope) internal pure returns (bool) {
        return scope != 0 && scope & ~uint8(READ | PRESENT) == 0;
    }

    // ---------------------------------------------------------------- EIP-712

    function domainSeparator(address verifyingContract) internal view returns (bytes32) {
        return
            keccak256(
                abi.encode(DOMAIN_TYPEHASH, keccak256("BioDentalNFT"), keccak256("1"), block.chainid, verifyingContract)
            );
    }

    function grantDigest(
        uint256 tokenId,
        address grantee,
        uint8 scopes,
        uint64 expiresAt,
        bytes memory wrappedKey,
        uint256 nonce,
        uint256 deadline
    ) internal view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(GRANT_TYPEHASH, tokenId, grantee, scopes, expiresAt, keccak256(wrappedKey), nonce, deadline)
        );
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator(address(nft)), structHash));
    }

    function presentationDigest(IBioDentalNFT.Presentation memory p) internal view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(PRESENTATION_TYPEHASH, p.tokenId, p.holder, p.booth, p.challenge, p.notAfter)
        );
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator(address(nft)), structHash));
    }

    function signDigest(uint256 privateKey, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(privateKey, digest);
        return abi.encodePacked(r, s, v);
    }

    function signGrant(
        uint256 privateKey,
        uint256 tokenId,
        address grantee,
        uint8 scopes,
        uint64 expiresAt,
        bytes memory wrappedKey,
        uint256 nonce,
        uint256 deadline
    ) internal view returns (bytes memory) {
        return signDigest(privateKey, grantDigest(tokenId, grantee, scopes, expiresAt, wrappedKey, nonce, deadline));
    }
}
