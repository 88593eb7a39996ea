// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IBioDentalNFT} from "../contracts/interfaces/IBioDentalNFT.sol";
import {ISoulboundERC721} from "../contracts/interfaces/ISoulboundERC721.sol";
import {IERC5192} from "../contracts/interfaces/IERC5192.sol";
import {MockERC1271Wallet} from "../contracts/mocks/MockERC1271Wallet.sol";
import {BioDentalNFT} from "../contracts/BioDentalNFT.sol";
import {BioDentalFixture} from "./utils/BioDentalFixture.sol";
import {Cids} from "./utils/Cids.sol";

/// @title BioDentalNFT: records, soulbinding, and the grant/expiry/scope semantics under fuzzing
/// @notice The grant tests compare the contract with a one-line model of the interface's rule:
/// `hasAccess == validScope && (owner || (grant ⊇ scope && now < expiresAt))`, for live tokens.
contract BioDentalNFTTest is BioDentalFixture {
    // ================================================================ records

    function test_mint_assignsPredictableIdAndVersionOne() public {
        uint256 expectedId = nft.nextTokenIdOf(alice);
        assertEq(expectedId, tokenIdOf(alice, 0), "next id before the first mint");
        bytes memory cid = cidOf(1);

        vm.expectEmit(true, true, true, true, address(nft));
        emit IERC5192.Locked(expectedId);
        vm.expectEmit(true, true, true, true, address(nft));
        emit IBioDentalNFT.RecordUpdated(expectedId, 1, cid);
        vm.prank(alice);
        uint256 tokenId = nft.mint(cid);

        assertEq(tokenId, expectedId, "token id");
        assertEq(nft.ownerOf(tokenId), alice, "owner");
        assertEq(nft.balanceOf(alice), 1, "balance");
        (bytes memory stored, uint64 version, uint64 updatedAt) = nft.recordOf(tokenId);
        assertEq(stored, cid, "cid");
        assertEq(version, 1, "version");
        assertEq(updatedAt, START, "updatedAt");
        assertEq(nft.nextTokenIdOf(alice), tokenIdOf(alice, 1), "next id after the first mint");
    }

    function testFuzz_mint_idIsOwnerShiftedAboveMintIndex(address minter, uint8 mints) public {
        vm.assume(minter != address(0));
        mints = uint8(bound(mints, 1, 8));
        for (uint256 i; i < mints; ++i) {
            vm.prank(minter);
            assertEq(nft.mint(cidOf(i)), tokenIdOf(minter, i), "token id");
        }
        assertEq(nft.balanceOf(minter), mints, "balance");
        assertEq(nft.nextTokenIdOf(minter), tokenIdOf(minter, mints), "next id");
    }

    function testFuzz_updateRecord_bumpsVersionAndTimestamp(bytes32 digest, uint32 elapsed, uint8 updates) public {
        uint256 tokenId = mintAs(alice, 1);
        updates = uint8(bound(updates, 1, 5));
        for (uint64 i = 2; i <= uint64(updates) + 1; ++i) {
            vm.warp(block.timestamp + elapsed);
            bytes memory cid = i % 2 == 0 ? Cids.v0(digest) : Cids.v1(0x0129, digest);
            vm.expectEmit(true, true, true, true, address(nft));
            emit IBioDentalNFT.RecordUpdated(tokenId, i, cid);
            vm.prank(alice);
            nft.updateRecord(tokenId, cid);
            (bytes memory stored, uint64 version, uint64 updatedAt) = nft.recordOf(tokenId);
            assertEq(stored, cid, "cid");
            assertEq(version, i, "version");
            assertEq(updatedAt, block.timestamp, "updatedAt");
        }
    }

    function testFuzz_updateRecord_revertsForAnyoneButTheOwner(address caller) public {
        vm.assume(caller != alice);
        uint256 tokenId = mintAs(alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalUnauthorized.selector, caller, tokenId));
        vm.prank(caller);
        nft.updateRecord(tokenId, cidOf(2));
    }

    function testFuzz_updateRecord_revertsForNonexistentToken(uint256 tokenId) public {
        vm.expectRevert(abi.encodeWithSelector(ISoulboundERC721.BioDentalNonexistentToken.selector, tokenId));
        vm.prank(alice);
        nft.updateRecord(tokenId, cidOf(2));
    }

    function test_burn_erasesTokenRecordAndGrants() public {
        uint256 tokenId = mintAs(alice, 1);
        vm.prank(alice);
        nft.grantAccess(tokenId, bob, READ | PRESENT, uint64(START + 1 days), WRAPPED_KEY);

        vm.expectEmit(true, true, true, true, address(nft));
        emit IBioDentalNFT.RecordErased(tokenId, alice);
        vm.prank(alice);
        nft.burn(tokenId);

        assertEq(nft.balanceOf(alice), 0, "balance");
        (uint8 scopes, uint64 expiresAt) = nft.grantOf(tokenId, bob);
        assertEq(scopes, 0, "grant scopes");
        assertEq(expiresAt, 0, "grant expiry");
        vm.expectRevert(abi.encodeWithSelector(ISoulboundERC721.BioDentalNonexistentToken.selector, tokenId));
        nft.ownerOf(tokenId);
        vm.expectRevert(abi.encodeWithSelector(ISoulboundERC721.BioDentalNonexistentToken.selector, tokenId));
        nft.recordOf(tokenId);
        vm.expectRevert(abi.encodeWithSelector(ISoulboundERC721.BioDentalNonexistentToken.selector, tokenId));
        nft.locked(tokenId);

        // Ids are never reused: the next mint is a new token that inherits nothing.
        uint256 next = mintAs(alice, 2);
        assertTrue(next != tokenId, "a new id");
        assertFalse(nft.hasAccess(next, bob, READ), "no inherited grant");
    }

    function testFuzz_burn_revertsForAnyoneButTheOwner(address caller) public {
        vm.assume(caller != alice);
        uint256 tokenId = mintAs(alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalUnauthorized.selector, caller, tokenId));
        vm.prank(caller);
        nft.burn(tokenId);
        assertEq(nft.ownerOf(tokenId), alice, "still alice's");
    }

    // ================================================================ soulbinding

    function testFuzz_transfers_alwaysRevert(address caller, address to, bytes calldata data) public {
        uint256 tokenId = mintAs(alice, 1);
        bytes memory transferDisabled = abi.encodeWithSelector(
            ISoulboundERC721.BioDentalTransferDisabled.selector,
            tokenId
        );
        vm.expectRevert(transferDisabled);
        vm.prank(caller);
        nft.transferFrom(alice, to, tokenId);
        vm.expectRevert(transferDisabled);
        vm.prank(caller);
        nft.safeTransferFrom(alice, to, tokenId);
        vm.expectRevert(transferDisabled);
        vm.prank(caller);
        nft.safeTransferFrom(alice, to, tokenId, data);
        vm.expectRevert(ISoulboundERC721.BioDentalApprovalDisabled.selector);
        vm.prank(caller);
        nft.approve(to, tokenId);
        vm.expectRevert(ISoulboundERC721.BioDentalApprovalDisabled.selector);
        vm.prank(caller);
        nft.setApprovalForAll(to, true);

        assertEq(nft.ownerOf(tokenId), alice, "owner unchanged");
        assertTrue(nft.locked(tokenId), "locked");
        assertEq(nft.getApproved(tokenId), address(0), "no approval");
        assertFalse(nft.isApprovedForAll(alice, to), "no operator");
    }

    // ================================================================ grants: the model

    /// Any scopes, any expiry, any later time, any queried scope.
    function testFuzz_grantAccess_hasAccessMatchesModel(
        uint8 scopes,
        uint64 expiresAt,
        uint64 warpTo,
        uint8 scope,
        address grantee
    ) public {
        uint256 tokenId = mintAs(alice, 1);
        _grantAndCheckModel(tokenId, scopes, expiresAt, uint64(bound(warpTo, START, type(uint64).max)), scope, grantee);
    }

    /// The same model where it matters: scopes 0-7, expiries around now, times around the expiry.
    function testFuzz_grantAccess_hasAccessMatchesModelNearExpiry(
        uint8 scopes,
        uint256 expirySeed,
        uint256 elapsed,
        uint8 scope,
        address grantee
    ) public {
        uint256 tokenId = mintAs(alice, 1);
        // Scopes 0-7: the three valid ones, zero and an unknown bit, in similar shares.
        scopes = uint8(bound(scopes, 0, 7));
        scope = uint8(bound(scope, 0, 7));
        uint64 expiresAt = uint64(bound(expirySeed, START - 1 hours, START + 1 days));
        _grantAndCheckModel(tokenId, scopes, expiresAt, _nearExpiry(expiresAt, elapsed), scope, grantee);
    }

    function testFuzz_grantAccess_accessEndsExactlyAtExpiry(uint8 scopes, uint256 lifetime, uint8 scope) public {
        uint256 tokenId = mintAs(alice, 1);
        scopes = uint8(bound(scopes, 1, 3));
        uint64 expiresAt = uint64(START + bound(lifetime, 1, 365 days));
        vm.prank(alice);
        nft.grantAccess(tokenId, bob, scopes, expiresAt, WRAPPED_KEY);
        bool inScope = isValidScope(scope) && scopes & scope == scope;

        vm.warp(expiresAt - 1);
        assertEq(nft.hasAccess(tokenId, bob, scope), inScope, "one second before expiry");
        vm.warp(expiresAt);
        assertFalse(nft.hasAccess(tokenId, bob, scope), "at expiry");
        assertEq(nft.hasAccess(tokenId, alice, scope), isValidScope(scope), "the owner, at expiry");
    }

    function testFuzz_grantAccess_revertsOnInvalidScopes(uint8 scopes, uint64 expiresAt) public {
        vm.assume(!isValidScope(scopes));
        uint256 tokenId = mintAs(alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidScopes.selector, scopes));
        vm.prank(alice);
        nft.grantAccess(tokenId, bob, scopes, expiresAt, WRAPPED_KEY);
    }

    function testFuzz_grantAccess_revertsOnPastExpiry(uint8 scopes, uint64 expiresAt, uint64 now_) public {
        scopes = uint8(bound(scopes, 1, 3));
        vm.warp(bound(now_, START, type(uint64).max));
        expiresAt = uint64(bound(expiresAt, 0, block.timestamp));
        uint256 tokenId = mintAs(alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidExpiry.selector, expiresAt));
        vm.prank(alice);
        nft.grantAccess(tokenId, bob, scopes, expiresAt, WRAPPED_KEY);
    }

    function testFuzz_grantAccess_revertsForAnyoneButTheOwner(address caller, uint8 scopes) public {
        vm.assume(caller != alice);
        scopes = uint8(bound(scopes, 1, 3));
        uint256 tokenId = mintAs(alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalUnauthorized.selector, caller, tokenId));
        vm.prank(caller);
        nft.grantAccess(tokenId, caller, scopes, uint64(START + 1 days), WRAPPED_KEY);
        assertFalse(nft.hasAccess(tokenId, caller, scopes), "no access");
    }

    function test_grantAccess_revertsForZeroOrOwnerGrantee() public {
        uint256 tokenId = mintAs(alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidGrantee.selector, address(0)));
        vm.prank(alice);
        nft.grantAccess(tokenId, address(0), READ, uint64(START + 1), WRAPPED_KEY);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidGrantee.selector, alice));
        vm.prank(alice);
        nft.grantAccess(tokenId, alice, READ, uint64(START + 1), WRAPPED_KEY);
    }

    function testFuzz_grantAccess_replacesTheEarlierGrant(
        uint8 firstScopes,
        uint8 secondScopes,
        uint256 firstLifetime,
        uint256 secondLifetime,
        uint8 scope
    ) public {
        uint256 tokenId = mintAs(alice, 1);
        firstScopes = uint8(bound(firstScopes, 1, 3));
        secondScopes = uint8(bound(secondScopes, 1, 3));
        uint64 firstExpiry = uint64(START + bound(firstLifetime, 1, 30 days));
        uint64 secondExpiry = uint64(START + bound(secondLifetime, 1, 30 days));
        vm.startPrank(alice);
        nft.grantAccess(tokenId, bob, firstScopes, firstExpiry, WRAPPED_KEY);
        nft.grantAccess(tokenId, bob, secondScopes, secondExpiry, "");
        vm.stopPrank();
        (uint8 scopes, uint64 expiresAt) = nft.grantOf(tokenId, bob);
        assertEq(scopes, secondScopes, "scopes");
        assertEq(expiresAt, secondExpiry, "expiresAt");
        assertEq(nft.hasAccess(tokenId, bob, scope), isValidScope(scope) && secondScopes & scope == scope, "access");
    }

    function testFuzz_hasAccess_falseAfterRevoke(uint8 scopes, uint256 lifetime, uint8 scope, uint256 elapsed) public {
        uint256 tokenId = mintAs(alice, 1);
        scopes = uint8(bound(scopes, 1, 3));
        uint64 expiresAt = uint64(START + bound(lifetime, 1, 30 days));
        vm.prank(alice);
        nft.grantAccess(tokenId, bob, scopes, expiresAt, WRAPPED_KEY);
        // Revoking works on expired grants too: the grant is still stored until revoked.
        vm.warp(START + bound(elapsed, 0, 60 days));

        vm.expectEmit(true, true, true, true, address(nft));
        emit IBioDentalNFT.AccessRevoked(tokenId, bob);
        vm.prank(alice);
        nft.revokeAccess(tokenId, bob);

        assertFalse(nft.hasAccess(tokenId, bob, scope), "revoked");
        (uint8 left, uint64 leftExpiry) = nft.grantOf(tokenId, bob);
        assertEq(left, 0, "scopes cleared");
        assertEq(leftExpiry, 0, "expiry cleared");
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalNoGrant.selector, tokenId, bob));
        vm.prank(alice);
        nft.revokeAccess(tokenId, bob);
    }

    function testFuzz_hasAccess_falseForEveryoneAfterBurn(uint8 scopes, uint8 scope, address someone) public {
        uint256 tokenId = mintAs(alice, 1);
        scopes = uint8(bound(scopes, 1, 3));
        vm.startPrank(alice);
        nft.grantAccess(tokenId, bob, scopes, uint64(START + 1 days), WRAPPED_KEY);
        nft.burn(tokenId);
        vm.stopPrank();
        assertFalse(nft.hasAccess(tokenId, alice, scope), "former owner");
        assertFalse(nft.hasAccess(tokenId, bob, scope), "former grantee");
        assertFalse(nft.hasAccess(tokenId, someone, scope), "anyone");
    }

    function testFuzz_hasAccess_falseForUnmintedTokens(uint256 tokenId, address account, uint8 scope) public view {
        assertFalse(nft.hasAccess(tokenId, account, scope));
    }

    function testFuzz_hasAccess_ownerHoldsExactlyTheValidScopes(uint8 scope, uint64 warpTo) public {
        uint256 tokenId = mintAs(alice, 1);
        vm.warp(bound(warpTo, START, type(uint64).max));
        assertEq(nft.hasAccess(tokenId, alice, scope), isValidScope(scope));
    }

    // ================================================================ grants by signature

    /// The signed path obeys the same model, whoever submits it, and consumes one nonce.
    function testFuzz_grantAccessBySig_hasAccessMatchesModel(
        uint8 scopes,
        uint256 expirySeed,
        uint256 elapsed,
        uint8 scope,
        address grantee,
        address submitter
    ) public {
        uint256 tokenId = mintAs(alice, 1);
        scopes = uint8(bound(scopes, 0, 7));
        scope = uint8(bound(scope, 0, 7));
        uint64 expiresAt = uint64(bound(expirySeed, START - 1 hours, START + 1 days));
        uint256 deadline = START + 1 hours;
        bytes memory signature = signGrant(aliceKey, tokenId, grantee, scopes, expiresAt, WRAPPED_KEY, 0, deadline);
        bool granted = _expectGrantOutcome(scopes, expiresAt, grantee, alice);
        if (granted) {
            vm.expectEmit(true, true, true, true, address(nft));
            emit IBioDentalNFT.AccessGranted(tokenId, grantee, scopes, expiresAt, WRAPPED_KEY);
        }
        vm.prank(submitter);
        nft.grantAccessBySig(tokenId, grantee, scopes, expiresAt, WRAPPED_KEY, deadline, signature);

        assertEq(nft.nonces(alice), granted ? 1 : 0, "nonce consumed only on success");
        vm.warp(_nearExpiry(expiresAt, elapsed));
        _checkModel(tokenId, granted, scopes, expiresAt, scope, grantee);
    }

    function testFuzz_grantAccessBySig_revertsForAnySignerButTheOwner(uint256 signerKey) public {
        signerKey = bound(signerKey, 1, SECP256K1_ORDER - 1);
        vm.assume(signerKey != aliceKey);
        uint256 tokenId = mintAs(alice, 1);
        uint64 expiresAt = uint64(START + 1 days);
        bytes memory signature = signGrant(signerKey, tokenId, bob, READ, expiresAt, WRAPPED_KEY, 0, START);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidSignature.selector, alice));
        nft.grantAccessBySig(tokenId, bob, READ, expiresAt, WRAPPED_KEY, START, signature);
    }

    /// Changing any signed field after signing invalidates the signature.
    function testFuzz_grantAccessBySig_revertsWhenAnyFieldDiffersFromTheSignedOne(uint8 field, uint256 salt) public {
        uint256 tokenId = mintAs(alice, 1);
        uint64 expiresAt = uint64(START + 1 days);
        uint256 deadline = START + 1 hours;
        bytes memory signature = signGrant(aliceKey, tokenId, bob, READ, expiresAt, WRAPPED_KEY, 0, deadline);
        address grantee = bob;
        uint8 scopes = READ;
        bytes memory wrappedKey = WRAPPED_KEY;
        field = uint8(bound(field, 0, 4));
        if (field == 0) grantee = carol;
        else if (field == 1) scopes = READ | PRESENT;
        else if (field == 2) expiresAt += uint64(bound(salt, 1, 1 days));
        else if (field == 3) wrappedKey = abi.encodePacked(WRAPPED_KEY, bytes1(uint8(salt)));
        else deadline += bound(salt, 1, 1 days);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidSignature.selector, alice));
        nft.grantAccessBySig(tokenId, grantee, scopes, expiresAt, wrappedKey, deadline, signature);
    }

    function test_grantAccessBySig_revertsOnReplay() public {
        uint256 tokenId = mintAs(alice, 1);
        uint64 expiresAt = uint64(START + 1 days);
        bytes memory signature = signGrant(aliceKey, tokenId, bob, READ, expiresAt, WRAPPED_KEY, 0, START);
        nft.grantAccessBySig(tokenId, bob, READ, expiresAt, WRAPPED_KEY, START, signature);
        assertEq(nft.nonces(alice), 1, "nonce");
        vm.prank(alice);
        nft.revokeAccess(tokenId, bob);

        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidSignature.selector, alice));
        nft.grantAccessBySig(tokenId, bob, READ, expiresAt, WRAPPED_KEY, START, signature);
        assertFalse(nft.hasAccess(tokenId, bob, READ), "the revoke stands");
    }

    function testFuzz_grantAccessBySig_revertsAfterDeadline(uint256 deadline, uint64 warpTo) public {
        vm.warp(bound(warpTo, START, type(uint40).max));
        deadline = bound(deadline, 0, block.timestamp - 1);
        uint256 tokenId = mintAs(alice, 1);
        uint64 expiresAt = uint64(block.timestamp + 1 days);
        bytes memory signature = signGrant(aliceKey, tokenId, bob, READ, expiresAt, WRAPPED_KEY, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalSignatureExpired.selector, deadline));
        nft.grantAccessBySig(tokenId, bob, READ, expiresAt, WRAPPED_KEY, deadline, signature);
    }

    function test_grantAccessBySig_acceptsTheDeadlineSecond() public {
        uint256 tokenId = mintAs(alice, 1);
        uint64 expiresAt = uint64(START + 1 days);
        bytes memory signature = signGrant(aliceKey, tokenId, bob, READ, expiresAt, WRAPPED_KEY, 0, START);
        nft.grantAccessBySig(tokenId, bob, READ, expiresAt, WRAPPED_KEY, START, signature);
        assertTrue(nft.hasAccess(tokenId, bob, READ));
    }

    function test_grantAccessBySig_revertsOnAnotherChain() public {
        uint256 tokenId = mintAs(alice, 1);
        uint64 expiresAt = uint64(START + 1 days);
        bytes memory signature = signGrant(aliceKey, tokenId, bob, READ, expiresAt, WRAPPED_KEY, 0, START);
        vm.chainId(block.chainid + 1);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidSignature.selector, alice));
        nft.grantAccessBySig(tokenId, bob, READ, expiresAt, WRAPPED_KEY, START, signature);
    }

    function test_grantAccessBySig_revertsForAnotherContract() public {
        BioDentalNFT other = new BioDentalNFT(organizer, renderer);
        uint256 tokenId = mintAs(alice, 1);
        vm.prank(alice);
        assertEq(other.mint(cidOf(1)), tokenId, "same id on both contracts");
        uint64 expiresAt = uint64(START + 1 days);
        bytes memory signature = signGrant(aliceKey, tokenId, bob, READ, expiresAt, WRAPPED_KEY, 0, START);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidSignature.selector, alice));
        other.grantAccessBySig(tokenId, bob, READ, expiresAt, WRAPPED_KEY, START, signature);
    }

    function test_grantAccessBySig_acceptsAnErc1271WalletOwner() public {
        MockERC1271Wallet wallet = new MockERC1271Wallet(alice, false);
        uint256 tokenId = _mintFromWallet(wallet);
        uint64 expiresAt = uint64(START + 1 days);
        bytes memory signature = signGrant(aliceKey, tokenId, bob, PRESENT, expiresAt, WRAPPED_KEY, 0, START);
        nft.grantAccessBySig(tokenId, bob, PRESENT, expiresAt, WRAPPED_KEY, START, signature);
        assertTrue(nft.hasAccess(tokenId, bob, PRESENT), "granted");
        assertEq(nft.nonces(address(wallet)), 1, "the wallet's nonce");
    }

    function test_grantAccessBySig_revertsForARejectingErc1271Wallet() public {
        MockERC1271Wallet wallet = new MockERC1271Wallet(alice, true);
        uint256 tokenId = _mintFromWallet(wallet);
        uint64 expiresAt = uint64(START + 1 days);
        bytes memory signature = signGrant(aliceKey, tokenId, bob, PRESENT, expiresAt, WRAPPED_KEY, 0, START);
        vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidSignature.selector, address(wallet)));
        nft.grantAccessBySig(tokenId, bob, PRESENT, expiresAt, WRAPPED_KEY, START, signature);
    }

    // ================================================================ presentations

    /// Valid iff now <= notAfter <= now + 120, all else being right.
    function testFuzz_verifyPresentation_windowIsNowToTwoMinutesAhead(uint64 notAfter, uint64 warpTo) public {
        vm.warp(bound(warpTo, START, type(uint40).max));
        uint256 tokenId = mintAs(alice, 1);
        IBioDentalNFT.Presentation memory p = IBioDentalNFT.Presentation(
            tokenId,
            alice,
            booth,
            keccak256("challenge"),
            uint64(bound(notAfter, block.timestamp - 300, block.timestamp + 300))
        );
        uint8 expected =
            p.notAfter < block.timestamp
                ? 1
                : p.notAfter > block.timestamp + 120
                    ? 2
                    : 0;
        (bool valid, uint8 reason) = nft.verifyPresentation(p, signDigest(aliceKey, presentationDigest(p)));
        assertEq(reason, expected, "reason");
        assertEq(valid, expected == 0, "valid");
    }

    /// Every combination of booth, token, holder, grant, signer and time gets the reason of the
    /// first condition that fails, in the documented order of PresentationReason.
    function testFuzz_verifyPresentation_reasonMatchesModel(
        uint256 shape,
        uint256 grantLifetime,
        uint256 notAfterSeed,
        uint256 elapsed,
        bytes32 challenge
    ) public {
        PresentationCase memory c = _presentationCase(shape);
        c.expiresAt = uint64(START + bound(grantLifetime, 1, 1 days));
        address presentedBooth = _boothIn(c.boothState);

        uint256 tokenId = c.tokenState == 2 ? tokenIdOf(alice, 5) : mintAs(alice, 1);
        if (c.grantScopes != 0 && c.tokenState != 2) {
            vm.prank(alice);
            nft.grantAccess(tokenId, bob, c.grantScopes, c.expiresAt, "");
        }
        if (c.tokenState == 1) {
            vm.prank(alice);
            nft.burn(tokenId);
        }
        vm.warp(START + bound(elapsed, 0, 2 days));
        IBioDentalNFT.Presentation memory p = IBioDentalNFT.Presentation(
            tokenId,
            c.delegate ? bob : alice,
            presentedBooth,
            challenge,
            // Three in four inside the window [now, now + 120]; else from 200 s before to 300 s after.
            uint64(
                notAfterSeed % 4 != 0
                    ? block.timestamp + ((notAfterSeed >> 2) % 121)
                    : block.timestamp - 200 + ((notAfterSeed >> 2) % 501)
            )
        );
        uint256 signerKey = c.wrongSigner ? carolKey : (c.delegate ? bobKey : aliceKey);
        (bool valid, uint8 reason) = nft.verifyPresentation(p, signDigest(signerKey, presentationDigest(p)));

        IBioDentalNFT.PresentationReason expected = _expectedReason(c, p.notAfter);
        assertEq(reason, uint8(expected), "reason");
        assertEq(valid, expected == IBioDentalNFT.PresentationReason.Valid, "valid");
    }

    /// A delegate may present only while it holds an unexpired PRESENT grant.
    function testFuzz_verifyPresentation_delegateNeedsUnexpiredPresentGrant(
        uint8 scopes,
        uint256 lifetime,
        uint256 elapsed
    ) public {
        uint256 tokenId = mintAs(alice, 1);
        scopes = uint8(bound(scopes, 0, 3));
        uint64 expiresAt = uint64(START + bound(lifetime, 1, 1 days));
        if (scopes != 0) {
            vm.prank(alice);
            nft.grantAccess(tokenId, bob, scopes, expiresAt, "");
        }
        vm.warp(START + bound(elapsed, 0, 2 days));
        IBioDentalNFT.Presentation memory p = IBioDentalNFT.Presentation(
            tokenId,
            bob,
            booth,
            keccak256("challenge"),
            uint64(block.timestamp + 60)
        );
        uint8 expected =
            scopes & PRESENT == 0
                ? uint8(IBioDentalNFT.PresentationReason.HolderNotAuthorized)
                : block.timestamp >= expiresAt
                    ? uint8(IBioDentalNFT.PresentationReason.DelegateExpired)
                    : 0;
        (bool valid, uint8 reason) = nft.verifyPresentation(p, signDigest(bobKey, presentationDigest(p)));
        assertEq(reason, expected, "reason");
        assertEq(valid, expected == 0, "valid");
        // verifyPresentation and hasAccess agree on who may present.
        assertEq(nft.hasAccess(tokenId, bob, PRESENT), expected == 0, "hasAccess(PRESENT)");
    }

    function testFuzz_verifyPresentation_rejectsAnySignerButTheHolder(uint256 signerKey) public {
        signerKey = bound(signerKey, 1, SECP256K1_ORDER - 1);
        vm.assume(signerKey != aliceKey);
        uint256 tokenId = mintAs(alice, 1);
        IBioDentalNFT.Presentation memory p = IBioDentalNFT.Presentation(
            tokenId,
            alice,
            booth,
            keccak256("challenge"),
            uint64(block.timestamp + 60)
        );
        (bool valid, uint8 reason) = nft.verifyPresentation(p, signDigest(signerKey, presentationDigest(p)));
        assertFalse(valid, "valid");
        assertEq(reason, uint8(IBioDentalNFT.PresentationReason.BadSignature), "reason");
    }

    // ================================================================ public profile and booths

    /// Any byte string as a title: accepted iff at most 64 bytes of printable ASCII without
    /// `"` `\` `<` `>` `&` (titles go verbatim into JSON and SVG); shown only with consent.
    function testFuzz_setPublicProfile_acceptsExactlyTheSafeTitles(bytes calldata raw) public {
        _checkTitle(raw);
    }

    /// Titles drawn from the safe alphabet, any length up to 64, are always accepted.
    function testFuzz_setPublicProfile_acceptsEverySafeTitle(bytes32 seed, uint256 length) public {
        length = bound(length, 0, 64);
        bytes memory title = new bytes(length);
        for (uint256 i; i < length; ++i) {
            // Printable ASCII is 0x20-0x7e; skip the five characters that would need escaping.
            uint8 c = uint8(0x20 + (uint256(keccak256(abi.encode(seed, i))) % 95));
            if (c == 0x22 || c == 0x5c || c == 0x3c || c == 0x3e || c == 0x26) c = 0x41;
            title[i] = bytes1(c);
        }
        assertTrue(_checkTitle(title), "accepted");
    }

    function testFuzz_registerBooth_acceptsNamesOfOneTo64Bytes(address newBooth, uint256 length) public {
        vm.assume(newBooth != address(0) && newBooth != booth);
        length = bound(length, 0, 100);
        string memory boothName = string(new bytes(length));
        bool valid = length >= 1 && length <= 64;
        if (valid) {
            vm.expectEmit(true, true, true, true, address(nft));
            emit IBioDentalNFT.BoothRegistered(newBooth, boothName);
        } else {
            vm.expectRevert(IBioDentalNFT.BioDentalInvalidBoothName.selector);
        }
        vm.prank(organizer);
        nft.registerBooth(newBooth, boothName);
        (string memory storedName, bool active) = nft.boothOf(newBooth);
        assertEq(active, valid, "active");
        assertEq(storedName, valid ? boothName : "", "name");
    }

    // ================================================================ helpers

    function _grantAndCheckModel(
        uint256 tokenId,
        uint8 scopes,
        uint64 expiresAt,
        uint64 warpTo,
        uint8 scope,
        address grantee
    ) private {
        bool granted = _expectGrantOutcome(scopes, expiresAt, grantee, alice);
        if (granted) {
            vm.expectEmit(true, true, true, true, address(nft));
            emit IBioDentalNFT.AccessGranted(tokenId, grantee, scopes, expiresAt, WRAPPED_KEY);
        }
        vm.prank(alice);
        nft.grantAccess(tokenId, grantee, scopes, expiresAt, WRAPPED_KEY);
        vm.warp(warpTo);
        _checkModel(tokenId, granted, scopes, expiresAt, scope, grantee);
    }

    /// @dev Arms the expected revert, in the contract's documented check order, and returns
    /// whether the grant should succeed.
    function _expectGrantOutcome(
        uint8 scopes,
        uint64 expiresAt,
        address grantee,
        address owner
    ) private returns (bool granted) {
        if (!isValidScope(scopes)) {
            vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidScopes.selector, scopes));
        } else if (expiresAt <= block.timestamp) {
            vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidExpiry.selector, expiresAt));
        } else if (grantee == address(0) || grantee == owner) {
            vm.expectRevert(abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidGrantee.selector, grantee));
        } else {
            return true;
        }
    }

    function _checkModel(
        uint256 tokenId,
        bool granted,
        uint8 scopes,
        uint64 expiresAt,
        uint8 scope,
        address grantee
    ) private view {
        bool validScope = isValidScope(scope);
        if (grantee == alice) {
            assertEq(nft.hasAccess(tokenId, grantee, scope), validScope, "the owner");
            return;
        }
        bool expected = granted && validScope && scopes & scope == scope && block.timestamp < expiresAt;
        assertEq(nft.hasAccess(tokenId, grantee, scope), expected, "the grantee");
        assertEq(nft.hasAccess(tokenId, alice, scope), validScope, "the owner");
        (uint8 storedScopes, uint64 storedExpiry) = nft.grantOf(tokenId, grantee);
        assertEq(storedScopes, granted ? scopes : 0, "stored scopes");
        assertEq(storedExpiry, granted ? expiresAt : 0, "stored expiry");
    }

    /// @dev Sets `raw` as the title of a fresh token and checks the outcome against the rule;
    /// returns whether it was accepted.
    function _checkTitle(bytes memory raw) private returns (bool accepted) {
        bool safe = raw.length <= 64;
        for (uint256 i; i < raw.length && safe; ++i) {
            uint8 c = uint8(raw[i]);
            safe = c >= 0x20 && c <= 0x7e && c != 0x22 && c != 0x5c && c != 0x3c && c != 0x3e && c != 0x26;
        }
        uint256 tokenId = mintAs(alice, 1);
        vm.prank(alice);
        try nft.setPublicProfile(tokenId, string(raw), "", true) {
            assertTrue(safe, "accepted an unsafe title");
            (string memory title, , bool consent) = nft.publicProfileOf(tokenId);
            assertEq(title, string(raw), "title shown with consent");
            assertTrue(consent, "consent");
            vm.prank(alice);
            nft.setConsent(tokenId, false);
            (title, , consent) = nft.publicProfileOf(tokenId);
            assertEq(title, "", "title hidden without consent");
            assertFalse(consent, "no consent");
            return true;
        } catch (bytes memory reason) {
            assertFalse(safe, "refused a safe title");
            assertEq(reason, abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidTitle.selector), "error");
            return false;
        }
    }

    struct PresentationCase {
        uint8 boothState; // 0 registered and active, 1 never registered, 2 deactivated
        uint8 tokenState; // 0 live, 1 burned, 2 never minted
        bool delegate; // the holder is bob, a grantee, rather than alice, the owner
        uint8 grantScopes; // bob's grant (0: none)
        bool wrongSigner; // carol signs instead of the holder
        uint64 expiresAt;
    }

    /// @dev Draws a case from `shape`, weighted towards the valid one (three in four booths
    /// active, tokens live, signatures right) so that every reason, Valid included, is common.
    function _presentationCase(uint256 shape) private pure returns (PresentationCase memory c) {
        uint256 h = uint256(keccak256(abi.encode(shape)));
        c.boothState = uint8(h % 8 < 6 ? 0 : (h % 8) - 5);
        c.tokenState = uint8((h >> 8) % 8 < 6 ? 0 : ((h >> 8) % 8) - 5);
        c.delegate = (h >> 16) % 2 == 1;
        c.grantScopes = c.delegate ? uint8((h >> 24) % 4) : 0;
        c.wrongSigner = (h >> 32) % 6 == 0;
    }

    /// @dev The booth for `state`: 0 the registered `booth`, 1 one never registered, 2 one
    /// registered then deactivated.
    function _boothIn(uint8 state) private returns (address) {
        if (state == 0) return booth;
        address other = address(uint160(uint256(keccak256("other booth"))));
        if (state == 2) {
            vm.startPrank(organizer);
            nft.registerBooth(other, "Closed booth");
            nft.deactivateBooth(other);
            vm.stopPrank();
        }
        return other;
    }

    function _expectedReason(
        PresentationCase memory c,
        uint64 notAfter
    ) private view returns (IBioDentalNFT.PresentationReason) {
        if (notAfter < block.timestamp) return IBioDentalNFT.PresentationReason.Expired;
        if (notAfter > block.timestamp + 120) return IBioDentalNFT.PresentationReason.TooFarAhead;
        if (c.boothState == 1) return IBioDentalNFT.PresentationReason.BoothNotRegistered;
        if (c.boothState == 2) return IBioDentalNFT.PresentationReason.BoothInactive;
        if (c.tokenState != 0) return IBioDentalNFT.PresentationReason.NonexistentToken;
        if (c.delegate) {
            if (c.grantScopes & PRESENT == 0) return IBioDentalNFT.PresentationReason.HolderNotAuthorized;
            if (block.timestamp >= c.expiresAt) return IBioDentalNFT.PresentationReason.DelegateExpired;
        }
        if (c.wrongSigner) return IBioDentalNFT.PresentationReason.BadSignature;
        return IBioDentalNFT.PresentationReason.Valid;
    }

    /// @dev A time from START to a day and an hour later; one draw in four lands within three
    /// seconds of `expiresAt` (never before START), where an off-by-one would hide.
    function _nearExpiry(uint64 expiresAt, uint256 seed) private pure returns (uint64) {
        if (seed % 4 == 0) {
            uint256 edge = uint256(expiresAt) + ((seed >> 2) % 7);
            return uint64(edge < START + 3 ? START : edge - 3);
        }
        return uint64(START + bound(seed, 0, 1 days + 1 hours));
    }

    function _mintFromWallet(MockERC1271Wallet wallet) private returns (uint256 tokenId) {
        vm.prank(alice);
        bytes memory result = wallet.execute(address(nft), abi.encodeCall(nft.mint, (cidOf(7))));
        tokenId = abi.decode(result, (uint256));
        assertEq(nft.ownerOf(tokenId), address(wallet), "the wallet owns it");
    }
}
