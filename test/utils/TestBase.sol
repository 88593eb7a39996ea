// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Assertion failures revert with a sentence, not a custom error: the runner prints it verbatim.
// solhint-disable gas-custom-errors

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {Vm} from "./Vm.sol";

/// @title TestBase: the little of forge-std's Test that these tests need
/// @notice forge-std cannot be installed here, so this provides the cheatcode handle, assertions
/// that revert with the expected and actual values, `bound` for fuzz inputs and key helpers.
abstract contract TestBase {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    // ---------------------------------------------------------------- booleans

    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) revert(string.concat("assertTrue failed: ", message));
    }

    function assertTrue(bool condition) internal pure {
        assertTrue(condition, "expected true");
    }

    function assertFalse(bool condition, string memory message) internal pure {
        if (condition) revert(string.concat("assertFalse failed: ", message));
    }

    function assertFalse(bool condition) internal pure {
        assertFalse(condition, "expected false");
    }

    function assertEq(bool actual, bool expected, string memory message) internal pure {
        if (actual != expected) {
            _fail(message, actual ? "true" : "false", expected ? "true" : "false");
        }
    }

    function assertEq(bool actual, bool expected) internal pure {
        assertEq(actual, expected, "");
    }

    // ---------------------------------------------------------------- numbers

    function assertEq(uint256 actual, uint256 expected, string memory message) internal pure {
        if (actual != expected) _fail(message, Strings.toString(actual), Strings.toString(expected));
    }

    function assertEq(uint256 actual, uint256 expected) internal pure {
        assertEq(actual, expected, "");
    }

    function assertLe(uint256 actual, uint256 limit, string memory message) internal pure {
        if (actual > limit) {
            revert(
                string.concat(
                    "assertLe failed: ",
                    message,
                    ": ",
                    Strings.toString(actual),
                    " > ",
                    Strings.toString(limit)
                )
            );
        }
    }

    // ---------------------------------------------------------------- addresses and words

    function assertEq(address actual, address expected, string memory message) internal pure {
        if (actual != expected) _fail(message, Strings.toHexString(actual), Strings.toHexString(expected));
    }

    function assertEq(address actual, address expected) internal pure {
        assertEq(actual, expected, "");
    }

    function assertEq(bytes32 actual, bytes32 expected, string memory message) internal pure {
        if (actual != expected) {
            _fail(message, Strings.toHexString(uint256(actual), 32), Strings.toHexString(uint256(expected), 32));
        }
    }

    function assertEq(bytes32 actual, bytes32 expected) internal pure {
        assertEq(actual, expected, "");
    }

    // ---------------------------------------------------------------- byte strings

    function assertEq(bytes memory actual, bytes memory expected, string memory message) internal pure {
        if (keccak256(actual) != keccak256(expected)) _fail(message, _hex(actual), _hex(expected));
    }

    function assertEq(bytes memory actual, bytes memory expected) internal pure {
        assertEq(actual, expected, "");
    }

    function assertEq(string memory actual, string memory expected, string memory message) internal pure {
        if (keccak256(bytes(actual)) != keccak256(bytes(expected))) _fail(message, actual, expected);
    }

    function assertEq(string memory actual, string memory expected) internal pure {
        assertEq(actual, expected, "");
    }

    // ---------------------------------------------------------------- fuzz helpers

    /// @dev Maps `x` into [min, max] keeping small values small (as forge-std's bound does), so
    /// the fuzzer's edge values (0, 1, max) land on the range's edges.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        // x is outside [min, max], so the range is not all of uint256 and `size` cannot overflow.
        uint256 size = max - min + 1;
        if (x <= 3 && size > x) return min + x;
        if (x >= type(uint256).max - 3 && size > type(uint256).max - x) return max - (type(uint256).max - x);
        if (x > max) return max - ((x - max - 1) % size);
        return min + ((min - x - 1) % size);
    }

    /// @dev A deterministic private key and its address, labelled for traces.
    function makeAccount(string memory name) internal returns (address account, uint256 privateKey) {
        privateKey = uint256(keccak256(bytes(name))) % SECP256K1_ORDER;
        account = vm.addr(privateKey);
        vm.label(account, name);
    }

    uint256 internal constant SECP256K1_ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    // ---------------------------------------------------------------- private

    function _fail(string memory message, string memory actual, string memory expected) private pure {
        revert(
            string.concat(
                "assertEq failed",
                bytes(message).length == 0 ? "" : string.concat(" (", message, ")"),
                ": got ",
                actual,
                ", expected ",
                expected
            )
        );
    }

    function _hex(bytes memory data) private pure returns (string memory) {
        bytes memory alphabet = "0123456789abcdef";
        bytes memory out = new bytes(2 + data.length * 2);
        out[0] = "0";
        out[1] = "x";
        for (uint256 i; i < data.length; ++i) {
            out[2 + i * 2] = alphabet[uint8(data[i]) >> 4];
            out[3 + i * 2] = alphabet[uint8(data[i]) & 0x0f];
        }
        return string(out);
    }
}
