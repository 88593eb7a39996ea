// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {RecordCid} from "../../contracts/libraries/RecordCid.sol";

/// @title RecordCidHarness: RecordCid's internal functions behind an external call
/// @notice So that tests can expect the library's reverts (a revert inside the test contract
/// itself cannot be expected).
contract RecordCidHarness {
    function decode(bytes calldata cid) external pure returns (bytes32 digest, uint24 format) {
        return RecordCid.decode(cid);
    }

    function encode(bytes32 digest, uint24 format) external pure returns (bytes memory) {
        return RecordCid.encode(digest, format);
    }
}
