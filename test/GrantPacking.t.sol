// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {GrantPacking} from "../contracts/libraries/GrantPacking.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @title GrantPacking: one storage word per grant
contract GrantPackingTest is TestBase {
    function testFuzz_pack_roundTripsScopesAndExpiry(uint8 scopes, uint64 expiresAt) public pure {
        uint256 grant = GrantPacking.pack(scopes, expiresAt);
        assertEq(GrantPacking.scopesOf(grant), scopes, "scopes");
        assertEq(GrantPacking.expiresAtOf(grant), expiresAt, "expiresAt");
        assertEq(grant >> 72, 0, "nothing above bit 72");
    }

    function testFuzz_pack_isZeroOnlyForNoGrant(uint8 scopes, uint64 expiresAt) public pure {
        // A stored grant is never zero, because zero means "no grant" to revokeAccess.
        assertEq(GrantPacking.pack(scopes, expiresAt) == 0, scopes == 0 && expiresAt == 0);
    }

    function testFuzz_isValidScope_acceptsOnlyNonEmptySubsetsOfReadAndPresent(uint8 scope) public pure {
        bool expected = scope == 1 || scope == 2 || scope == 3;
        assertEq(GrantPacking.isValidScope(scope), expected);
    }

    function testFuzz_allows_holdsEveryBitBeforeExpiry(
        uint8 scopes,
        uint64 expiresAt,
        uint8 scope,
        uint256 timestamp
    ) public pure {
        _checkAllows(scopes, expiresAt, scope, timestamp);
    }

    /// The same, within three seconds of the expiry, where an off-by-one would hide.
    function testFuzz_allows_holdsEveryBitBeforeExpiryAtTheEdge(
        uint8 scopes,
        uint64 expiresAt,
        uint8 scope,
        uint256 offset
    ) public pure {
        expiresAt = uint64(bound(expiresAt, 3, type(uint64).max));
        _checkAllows(scopes, expiresAt, scope, uint256(expiresAt) - 3 + bound(offset, 0, 6));
    }

    function test_allows_expiryIsExclusive() public pure {
        uint256 grant = GrantPacking.pack(GrantPacking.READ, 1000);
        assertTrue(GrantPacking.allows(grant, GrantPacking.READ, 999), "one second before");
        assertFalse(GrantPacking.allows(grant, GrantPacking.READ, 1000), "at expiry");
        assertFalse(GrantPacking.allows(grant, GrantPacking.PRESENT, 999), "a scope not granted");
        assertFalse(GrantPacking.allows(grant, GrantPacking.ALL_SCOPES, 999), "a superset of the grant");
    }

    function _checkAllows(uint8 scopes, uint64 expiresAt, uint8 scope, uint256 timestamp) private pure {
        uint256 grant = GrantPacking.pack(scopes, expiresAt);
        bool expected = (scopes & scope) == scope && timestamp < expiresAt;
        assertEq(GrantPacking.allows(grant, scope, timestamp), expected);
    }
}
