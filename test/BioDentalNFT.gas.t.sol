// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IBioDentalNFT} from "../contracts/interfaces/IBioDentalNFT.sol";
import {BioDentalFixture} from "./utils/BioDentalFixture.sol";

/// @title Gas snapshot of the main flows
/// @notice Each flow is one call in its own test, after a setUp that leaves the state it needs,
/// so its storage is cold as in a real transaction. `vm.snapshotGasLastCall` records the call's
/// execution gas (no 21,000 intrinsic gas, no calldata cost) in snapshots/BioDentalNFT.json;
/// `hardhat test solidity --snapshot-check` fails when any of them changes.
contract BioDentalNFTGasTest is BioDentalFixture {
    string private constant GROUP = "BioDentalNFT";

    uint256 private aliceToken;

    function setUp() public override {
        super.setUp();
        aliceToken = mintAs(alice, 1);
        vm.prank(alice);
        nft.grantAccess(aliceToken, carol, READ | PRESENT, uint64(START + 30 days), WRAPPED_KEY);
    }

    function test_gas_mint_freshOwner() public {
        bytes memory cid = cidOf(2);
        vm.prank(bob);
        nft.mint(cid);
        vm.snapshotGasLastCall(GROUP, "mint");
    }

    function test_gas_mint_secondToken() public {
        bytes memory cid = cidOf(2);
        vm.prank(alice);
        nft.mint(cid);
        vm.snapshotGasLastCall(GROUP, "mintSecond");
    }

    function test_gas_updateRecord() public {
        bytes memory cid = cidOf(2);
        vm.prank(alice);
        nft.updateRecord(aliceToken, cid);
        vm.snapshotGasLastCall(GROUP, "updateRecord");
    }

    /// A fresh grant of READ|PRESENT with an 80-byte wrapped key.
    function test_gas_grantAccess() public {
        vm.prank(alice);
        nft.grantAccess(aliceToken, bob, READ | PRESENT, uint64(START + 30 days), WRAPPED_KEY);
        vm.snapshotGasLastCall(GROUP, "grantAccess");
    }

    function test_gas_revokeAccess() public {
        vm.prank(alice);
        nft.revokeAccess(aliceToken, carol);
        vm.snapshotGasLastCall(GROUP, "revokeAccess");
    }

    /// A fresh signed grant of READ|PRESENT with an 80-byte wrapped key, submitted by a relayer.
    function test_gas_grantAccessBySig() public {
        uint64 expiresAt = uint64(START + 30 days);
        uint256 deadline = START + 1 hours;
        bytes memory signature = signGrant(
            aliceKey,
            aliceToken,
            bob,
            READ | PRESENT,
            expiresAt,
            WRAPPED_KEY,
            0,
            deadline
        );
        vm.prank(carol);
        nft.grantAccessBySig(aliceToken, bob, READ | PRESENT, expiresAt, WRAPPED_KEY, deadline, signature);
        vm.snapshotGasLastCall(GROUP, "grantAccessBySig");
    }

    /// A grantee's READ check: the owner slot and the grant slot.
    function test_gas_hasAccess() public {
        assertTrue(nft.hasAccess(aliceToken, carol, READ));
        vm.snapshotGasLastCall(GROUP, "hasAccess");
    }

    /// The owner presents at an active booth (an ecrecover).
    function test_gas_verifyPresentation() public {
        IBioDentalNFT.Presentation memory p = IBioDentalNFT.Presentation(
            aliceToken,
            alice,
            booth,
            keccak256("challenge"),
            uint64(START + 60)
        );
        bytes memory signature = signDigest(aliceKey, presentationDigest(p));
        (bool valid, ) = nft.verifyPresentation(p, signature);
        vm.snapshotGasLastCall(GROUP, "verifyPresentation");
        assertTrue(valid);
    }

    /// A PRESENT delegate presents on the owner's behalf (one more slot: the grant).
    function test_gas_verifyPresentation_delegate() public {
        IBioDentalNFT.Presentation memory p = IBioDentalNFT.Presentation(
            aliceToken,
            carol,
            booth,
            keccak256("challenge"),
            uint64(START + 60)
        );
        bytes memory signature = signDigest(carolKey, presentationDigest(p));
        (bool valid, ) = nft.verifyPresentation(p, signature);
        vm.snapshotGasLastCall(GROUP, "verifyPresentationDelegate");
        assertTrue(valid);
    }

    function test_gas_burn() public {
        vm.prank(alice);
        nft.burn(aliceToken);
        vm.snapshotGasLastCall(GROUP, "burn");
    }
}
