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
        return scope != 0 && scope & ~ALL_SCOPES == 0;
    }

    /// @notice Whether `grant` holds every bit of `scope` at `timestamp` (expiry is exclusive).
    function allows(uint256 grant, uint8 scope, uint256 timestamp) internal pure returns (bool) {
        return scopesOf(grant) & scope == scope && expiresAtOf(grant) > timestamp;
    }
}
