// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title StdInvariant: the target lists Hardhat 3's invariant runner (EDR, from Foundry) reads
/// @notice Before a campaign the runner calls `targetContracts()` and `targetSelectors()` on the
/// test contract (and, if present, `targetSenders`, `excludeContracts`, ...); only the listed
/// contracts and selectors are called at random. Empty lists mean "everything deployed in setUp".
abstract contract StdInvariant {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    address[] private _targetedContracts;
    FuzzSelector[] private _targetedSelectors;

    function targetContract(address target) internal {
        _targetedContracts.push(target);
    }

    function targetSelector(FuzzSelector memory selector) internal {
        _targetedSelectors.push(selector);
    }

    function targetContracts() public view returns (address[] memory) {
        return _targetedContracts;
    }

    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetedSelectors;
    }
}
