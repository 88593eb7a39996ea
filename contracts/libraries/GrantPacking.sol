// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title GrantPacking: a grant in one storage word
/// @notice A grant is its scopes (8 bits) and its expiry (64 bits) in one slot, so granting writes
/// one new slot and checking reads one. Zero means no grant.
library GrantPacking {
    uint8 internal constant READ = 1;
    uint8 internal constant PRESENT = 2;
    uint8 internal constant ALL_SCOPES = READ | PRESENT;

    function pack(uint8 scopes, uint64 expiresAt) internal pure returns (uint256) {
        return uint256(scopes) | (uint256(expiresAt) << 8);
    }

    function scopesOf(uint256 grant) internal pure returns (uint8) {
        return uint8(grant);
    }

    function expiresAtOf(uint256 grant) internal pure returns (uint64) {
        return uint64(grant >> 8);
    }

    /// @notice Whether `scope` is a non-empty subset of the known scopes.
    function isValidScope(uint8 scope) internal pure returns (bool) {
        // In uint8, zero minus one wraps to 255, so a single comparison rejects both zero and any
        // scope with a bit above ALL_SCOPES (READ | PRESENT = 3, so valid scopes are 1 to 3).
        unchecked {
            return scope - 1 < ALL_SCOPES;
        }
    }

    /// @notice Whether `grant` holds every bit of `scope` at `timestamp` (expiry is exclusive).
    function allows(uint256 grant, uint8 scope, uint256 timestamp) internal pure returns (bool result) {
        // Both conditions are evaluated without a branch: and(grant, scope) sees only the scope
        // bits (scope < 256), and the expiry is bits 8-71, as in `expiresAtOf`.
        uint256 time = timestamp; // `timestamp` is an opcode name inside assembly
        assembly ("memory-safe") {
            result := and(eq(and(grant, scope), scope), gt(and(shr(8, grant), 0xffffffffffffffff), time))
        }
    }
}
