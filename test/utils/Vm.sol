// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Vm: the cheatcodes these tests use
/// @notice forge-std cannot be installed here (no git access), so this declares only the
/// cheatcodes Hardhat 3's EDR implements that the suite calls, with forge-std's signatures.
interface Vm {
    // ---------------------------------------------------------------- environment
    function prank(address msgSender) external;
    function startPrank(address msgSender) external;
    function stopPrank() external;
    function warp(uint256 newTimestamp) external;
    function chainId(uint256 newChainId) external;
    function getBlockTimestamp() external view returns (uint256 timestamp);

    // ---------------------------------------------------------------- expectations
    function expectRevert(bytes calldata revertData) external;
    function expectRevert(bytes4 revertData) external;
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData) external;
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData, address emitter) external;

    // ---------------------------------------------------------------- keys and signatures
    function addr(uint256 privateKey) external pure returns (address keyAddr);
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);

    // ---------------------------------------------------------------- fuzzing
    function assume(bool condition) external pure;
    function label(address account, string calldata newLabel) external;

    // ---------------------------------------------------------------- gas snapshots
    function snapshotGasLastCall(string calldata group, string calldata name) external returns (uint256 gasUsed);
    function startSnapshotGas(string calldata group, string calldata name) external;
    function stopSnapshotGas(string calldata group, string calldata name) external returns (uint256 gasUsed);
}
