// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title MockERC1271Wallet: a test-only contract wallet (never deployed outside tests)
/// @notice Accepts a signature when its signer signed the hash, or, if `rejectAll` is set, never.
/// It can call any contract, so it can own Bio-Dental tokens like a Safe would.
contract MockERC1271Wallet is IERC1271 {
    address public immutable signer;
    bool public immutable rejectAll;

    error MockWalletCallFailed(bytes reason);
    error MockWalletUnauthorized(address caller);

    constructor(address signer_, bool rejectAll_) {
        signer = signer_;
        rejectAll = rejectAll_;
    }

    /// @notice Calls `target` with `data` on behalf of the wallet; only its signer may.
    function execute(address target, bytes calldata data) external returns (bytes memory result) {
        if (msg.sender != signer) revert MockWalletUnauthorized(msg.sender);
        bool ok;
        // solhint-disable-next-line avoid-low-level-calls
        (ok, result) = target.call(data);
        if (!ok) revert MockWalletCallFailed(result);
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address recovered, ECDSA.RecoverError error, ) = ECDSA.tryRecover(hash, signature);
        if (rejectAll || error != ECDSA.RecoverError.NoError || recovered != signer) return 0xffffffff;
        return IERC1271.isValidSignature.selector;
    }
}
