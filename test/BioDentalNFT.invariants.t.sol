// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ISoulboundERC721} from "../contracts/interfaces/ISoulboundERC721.sol";
import {BioDentalHandler} from "./handlers/BioDentalHandler.sol";
import {BioDentalFixture} from "./utils/BioDentalFixture.sol";
import {StdInvariant} from "./utils/StdInvariant.sol";

/// @title BioDentalNFT invariants, under random sequences of member actions
/// @notice The handler (test/handlers/BioDentalHandler.sol) mints, updates, grants directly and
/// by signature, revokes, burns, tries transfers and lets time pass, for three EOAs and two
/// ERC-1271 wallets; it keeps ghost state from the calls the model says succeed. Each invariant
/// is checked after every call of every run.
/// @dev The runner needs the handler's artifact, and Hardhat writes artifacts only for the files
/// a build starts from. `npx hardhat test solidity` (all files) or `--grep invariant_` has it;
/// naming this file alone (`npx hardhat test solidity test/BioDentalNFT.invariants.t.sol`) on a
/// checkout never built whole fails with "[targetSelectors] address does not have an associated
/// contract" until `npx hardhat build` has run once.
contract BioDentalNFTInvariantsTest is BioDentalFixture, StdInvariant {
    BioDentalHandler internal handler;

    function setUp() public override {
        super.setUp();
        (, uint256 outsiderKey) = makeAccount("outsider");
        handler = new BioDentalHandler(nft, [aliceKey, bobKey, carolKey], outsiderKey, START);
        vm.label(address(handler), "handler");

        bytes4[] memory selectors = new bytes4[](10);
        selectors[0] = BioDentalHandler.mint.selector;
        selectors[1] = BioDentalHandler.updateRecord.selector;
        selectors[2] = BioDentalHandler.grantAccess.selector;
        selectors[3] = BioDentalHandler.grantAccessBySig.selector;
        selectors[4] = BioDentalHandler.revokeAccess.selector;
        selectors[5] = BioDentalHandler.burn.selector;
        selectors[6] = BioDentalHandler.attemptTransfer.selector;
        selectors[7] = BioDentalHandler.warp.selector;
        // Minting twice as often keeps a few tokens alive for the other actions.
        selectors[8] = BioDentalHandler.mint.selector;
        selectors[9] = BioDentalHandler.useNonce.selector;
        targetContract(address(handler));
        targetSelector(FuzzSelector(address(handler), selectors));
    }

    /// A token's owner never changes except by mint and burn: a live token is owned by its
    /// minter (whose address its id carries), a burned one by nobody, and no transfer or
    /// approval ever succeeded.
    function invariant_ownerChangesOnlyByMintAndBurn() public {
        _syncTime();
        assertEq(handler.ghostTransferSuccesses(), 0, "transfers or approvals that succeeded");
        uint256 count = handler.tokenCount();
        for (uint256 i; i < count; ++i) {
            uint256 tokenId = handler.tokenIds(i);
            BioDentalHandler.TokenGhost memory token = handler.tokenGhost(tokenId);
            assertEq(address(uint160(tokenId >> 96)), token.owner, "the id carries the minter");
            if (token.live) {
                assertEq(nft.ownerOf(tokenId), token.owner, "owner of a live token");
            } else {
                try nft.ownerOf(tokenId) returns (address owner) {
                    assertEq(owner, address(0), "a burned token has an owner");
                } catch (bytes memory reason) {
                    assertEq(
                        reason,
                        abi.encodeWithSelector(ISoulboundERC721.BioDentalNonexistentToken.selector, tokenId),
                        "ownerOf(burned) error"
                    );
                }
            }
        }
    }

    /// Only the owner or a valid owner signature creates a grant: every grant stored on-chain is
    /// one the ghost recorded from an owner call or a valid owner signature, and no call the
    /// model refused created one.
    function invariant_onlyOwnerOrOwnerSignatureCreatesGrants() public {
        _syncTime();
        assertEq(handler.ghostUnauthorizedGrants(), 0, "grants created without the owner's consent");
        uint256 count = handler.tokenCount();
        uint256 granteeCount = handler.granteeCount();
        for (uint256 i; i < count; ++i) {
            uint256 tokenId = handler.tokenIds(i);
            bool live = handler.tokenGhost(tokenId).live;
            for (uint256 j; j < granteeCount; ++j) {
                address grantee = handler.grantees(j);
                BioDentalHandler.GrantGhost memory ghost = handler.grantGhost(tokenId, grantee);
                (uint8 scopes, uint64 expiresAt) = nft.grantOf(tokenId, grantee);
                assertEq(scopes, live ? ghost.scopes : 0, "grant scopes");
                assertEq(expiresAt, live ? ghost.expiresAt : 0, "grant expiry");
            }
        }
    }

    /// After revoke, expiry or burn, hasAccess is false; otherwise it is exactly the granted
    /// scopes (and every valid scope for the owner).
    function invariant_noAccessAfterRevokeExpiryOrBurn() public {
        _syncTime();
        uint256 count = handler.tokenCount();
        uint256 granteeCount = handler.granteeCount();
        for (uint256 i; i < count; ++i) {
            uint256 tokenId = handler.tokenIds(i);
            BioDentalHandler.TokenGhost memory token = handler.tokenGhost(tokenId);
            for (uint256 j; j < granteeCount; ++j) {
                address account = handler.grantees(j);
                BioDentalHandler.GrantGhost memory ghost = handler.grantGhost(tokenId, account);
                bool current = ghost.scopes != 0 && block.timestamp < ghost.expiresAt;
                for (uint8 scope = 1; scope <= 3; ++scope) {
                    bool expected =
                        token.live && (account == token.owner || (current && ghost.scopes & scope == scope));
                    assertEq(nft.hasAccess(tokenId, account, scope), expected, "hasAccess");
                }
            }
        }
    }

    /// balanceOf equals the ghost count of each actor's live tokens.
    function invariant_balanceOfEqualsLiveTokens() public view {
        uint256 actorCount = handler.actorCount();
        for (uint256 i; i < actorCount; ++i) {
            address actor = handler.actors(i);
            assertEq(nft.balanceOf(actor), handler.ghostLiveCount(actor), "balanceOf");
            assertEq(
                nft.nextTokenIdOf(actor),
                (uint256(uint160(actor)) << 96) | handler.ghostMinted(actor),
                "nextTokenIdOf"
            );
        }
    }

    /// locked() is true for every live token, and reverts for burned ones.
    function invariant_lockedForLiveTokens() public view {
        uint256 count = handler.tokenCount();
        for (uint256 i; i < count; ++i) {
            uint256 tokenId = handler.tokenIds(i);
            if (handler.tokenGhost(tokenId).live) {
                assertTrue(nft.locked(tokenId), "locked");
            } else {
                try nft.locked(tokenId) returns (bool) {
                    assertTrue(false, "locked() answered for a burned token");
                } catch {}
            }
        }
    }

    /// Each owner's nonce counts exactly its signed grants that went through and its `useNonce` calls.
    function invariant_noncesCountUsedSignatures() public view {
        uint256 actorCount = handler.actorCount();
        for (uint256 i; i < actorCount; ++i) {
            address actor = handler.actors(i);
            assertEq(nft.nonces(actor), handler.ghostNonce(actor), "nonces");
        }
    }

    /// A live token's record is the last CID its owner set, at the version the ghost counted.
    function invariant_recordIsTheLastUpdate() public view {
        uint256 count = handler.tokenCount();
        for (uint256 i; i < count; ++i) {
            uint256 tokenId = handler.tokenIds(i);
            BioDentalHandler.TokenGhost memory token = handler.tokenGhost(tokenId);
            if (!token.live) continue;
            (bytes memory cid, uint64 version, ) = nft.recordOf(tokenId);
            assertEq(keccak256(cid), token.cidHash, "cid");
            assertEq(version, token.version, "version");
        }
    }

    /// Every call's outcome (success, or its exact custom error) matched the model.
    function invariant_everyOutcomeMatchesTheModel() public view {
        if (handler.violationCount() != 0) assertTrue(false, handler.violations(0));
    }

    function _syncTime() private {
        vm.warp(handler.currentTime());
    }
}
