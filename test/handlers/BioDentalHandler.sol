// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BioDentalNFT} from "../../contracts/BioDentalNFT.sol";
import {IBioDentalNFT} from "../../contracts/interfaces/IBioDentalNFT.sol";
import {ISoulboundERC721} from "../../contracts/interfaces/ISoulboundERC721.sol";
import {MockERC1271Wallet} from "../../contracts/mocks/MockERC1271Wallet.sol";
import {Vm} from "../utils/Vm.sol";
import {Cids} from "../utils/Cids.sol";

/// @title BioDentalHandler: random members minting, granting, signing, revoking and burning
/// @notice The invariant fuzzer calls these actions in random order with random arguments. Each
/// action predicts, from a model of the documented interface, whether the contract must accept
/// the call and with which error it must refuse it; it then makes the call as the chosen actor
/// and records any disagreement. Ghost state (owners, grants, nonces, balances, records) changes
/// only when the model says a call succeeds, so the invariants compare the chain with it.
/// @dev Never reverts: every contract call is a low-level call, so `failOnRevert` catches
/// mistakes in the handler itself.
contract BioDentalHandler {
    Vm private constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    bytes32 private constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    bytes32 private constant GRANT_TYPEHASH = keccak256(
        "GrantAccess(uint256 tokenId,address grantee,uint8 scopes,uint64 expiresAt,bytes wrappedKey,uint256 nonce,uint256 deadline)"
    );
    bytes private constant WRAPPED_KEY = hex"00112233445566778899aabbccddeeff";
    uint256 public constant MAX_TOKENS = 24;

    struct TokenGhost {
        address owner;
        bool live;
        uint64 version;
        bytes32 cidHash;
    }

    struct GrantGhost {
        uint8 scopes;
        uint64 expiresAt;
    }

    struct SignedGrant {
        uint256 tokenId;
        address owner;
        bool live;
        uint256 key;
        address grantee;
        uint8 scopes;
        uint64 expiresAt;
        uint256 nonce;
        uint256 deadline;
        /// @dev Whether the model says the signature is the owner's consent for this nonce.
        bool validSignature;
    }

    BioDentalNFT public immutable nft;
    MockERC1271Wallet public immutable acceptingWallet;
    MockERC1271Wallet public immutable rejectingWallet;

    /// @dev Token owners: three EOAs and two ERC-1271 wallets (one accepts its signer's
    /// signatures, one refuses all). A wallet acts through `execute`, called by its signer.
    address[] public actors;
    /// @dev The EOA that acts for each actor (itself, or a wallet's signer).
    address[] private _operators;
    /// @dev The key whose signature each actor's consent is (a wallet's signer's key).
    uint256[] private _consentKeys;
    /// @dev Every key that signs in the run, owners' and an outsider's.
    uint256[] private _keys;
    /// @dev Grantees: the actors, two outsiders and the zero address.
    address[] public grantees;

    uint256 public currentTime;
    uint256[] public tokenIds;
    mapping(uint256 tokenId => TokenGhost) private _tokens;
    mapping(uint256 tokenId => mapping(address grantee => GrantGhost)) private _grants;
    mapping(address owner => uint256) public ghostLiveCount;
    mapping(address owner => uint256) public ghostMinted;
    mapping(address owner => uint256) public ghostNonce;

    /// @notice Grants that appeared although the model said the caller was not the owner or
    /// the signature not the owner's.
    uint256 public ghostUnauthorizedGrants;
    /// @notice Transfers or approvals that did not revert.
    uint256 public ghostTransferSuccesses;
    /// @notice Every call whose outcome (success, or the exact error) differed from the model.
    string[] public violations;

    /// @notice How often each action succeeded, to see that the run did something.
    mapping(bytes32 action => uint256) public successes;
    mapping(bytes32 action => uint256) public calls;

    constructor(BioDentalNFT nft_, uint256[3] memory memberKeys, uint256 outsiderKey, uint256 startTime) {
        nft = nft_;
        currentTime = startTime;
        for (uint256 i; i < 3; ++i) {
            address member = vm.addr(memberKeys[i]);
            actors.push(member);
            _operators.push(member);
            _consentKeys.push(memberKeys[i]);
            _keys.push(memberKeys[i]);
        }
        _keys.push(outsiderKey);
        acceptingWallet = new MockERC1271Wallet(actors[0], false);
        rejectingWallet = new MockERC1271Wallet(actors[1], true);
        actors.push(address(acceptingWallet));
        _operators.push(actors[0]);
        _consentKeys.push(memberKeys[0]);
        actors.push(address(rejectingWallet));
        _operators.push(actors[1]);
        _consentKeys.push(memberKeys[1]);
        vm.label(address(acceptingWallet), "acceptingWallet");
        vm.label(address(rejectingWallet), "rejectingWallet");

        for (uint256 i; i < actors.length; ++i) grantees.push(actors[i]);
        grantees.push(vm.addr(outsiderKey));
        grantees.push(address(0xDE11));
        grantees.push(address(0));
    }

    modifier action(bytes32 name) {
        // Keep time monotonic and shared by every call, whatever the runner does with block env.
        vm.warp(currentTime);
        ++calls[name];
        _;
    }

    // ================================================================ actions

    function mint(uint256 actorSeed, bytes32 digest, bool v1) external action("mint") {
        if (tokenIds.length >= MAX_TOKENS) return;
        uint256 actor = actorSeed % actors.length;
        address owner = actors[actor];
        uint256 expectedId = (uint256(uint160(owner)) << 96) | ghostMinted[owner];
        bytes memory cid = v1 ? Cids.v1(uint16(uint256(digest)) % (1 << 14), digest) : Cids.v0(digest);
        (bool ok, bytes memory ret) = _callAs(actor, abi.encodeCall(nft.mint, (cid)));
        if (!_check("mint", ok, ret, "")) return;
        if (abi.decode(ret, (uint256)) != expectedId) _violation("mint: unexpected token id");
        tokenIds.push(expectedId);
        _tokens[expectedId] = TokenGhost(owner, true, 1, keccak256(cid));
        ++ghostMinted[owner];
        ++ghostLiveCount[owner];
        ++successes["mint"];
    }

    function updateRecord(uint256 actorSeed, uint256 tokenSeed, bytes32 digest) external action("updateRecord") {
        if (tokenIds.length == 0) return;
        uint256 tokenId = _pickToken(tokenSeed);
        uint256 actor = _pickCaller(actorSeed, tokenId);
        bytes memory cid = Cids.v1(0x55, digest);
        bytes memory expected = _ownerError(tokenId, actors[actor]);
        (bool ok, bytes memory ret) = _callAs(actor, abi.encodeCall(nft.updateRecord, (tokenId, cid)));
        if (!_check("updateRecord", ok, ret, expected)) return;
        ++_tokens[tokenId].version;
        _tokens[tokenId].cidHash = keccak256(cid);
        ++successes["updateRecord"];
    }

    function grantAccess(
        uint256 actorSeed,
        uint256 tokenSeed,
        uint256 granteeSeed,
        uint8 scopeSeed,
        uint256 expirySeed
    ) external action("grantAccess") {
        if (tokenIds.length == 0) return;
        uint256 tokenId = _pickToken(tokenSeed);
        uint256 actor = _pickCaller(actorSeed, tokenId);
        address grantee = grantees[granteeSeed % grantees.length];
        uint8 scopes = _scopes(scopeSeed);
        uint64 expiresAt = _expiry(expirySeed);
        bytes memory expected = _ownerError(tokenId, actors[actor]);
        if (expected.length == 0) expected = _grantError(tokenId, grantee, scopes, expiresAt);
        (bool ok, bytes memory ret) = _callAs(
            actor,
            abi.encodeCall(nft.grantAccess, (tokenId, grantee, scopes, expiresAt, WRAPPED_KEY))
        );
        if (ok && actors[actor] != _tokens[tokenId].owner) ++ghostUnauthorizedGrants;
        if (!_check("grantAccess", ok, ret, expected)) return;
        _grants[tokenId][grantee] = GrantGhost(scopes, expiresAt);
        ++successes["grantAccess"];
    }

    function grantAccessBySig(
        uint256 submitterSeed,
        uint256 keySeed,
        uint256 tokenSeed,
        uint256 granteeSeed,
        uint8 scopeSeed,
        uint256 expirySeed,
        uint256 nonceSeed,
        uint256 deadlineSeed
    ) external action("grantAccessBySig") {
        if (tokenIds.length == 0) return;
        SignedGrant memory g = _signedGrant(keySeed, tokenSeed, granteeSeed, scopeSeed, expirySeed, nonceSeed);
        // A deadline from 20 minutes ago (expired) to 100 minutes ahead.
        g.deadline = currentTime + (deadlineSeed % 2 hours) - 20 minutes;
        bytes memory expected;
        if (!g.live) {
            expected = abi.encodeWithSelector(ISoulboundERC721.BioDentalNonexistentToken.selector, g.tokenId);
        } else if (g.deadline < currentTime) {
            expected = abi.encodeWithSelector(IBioDentalNFT.BioDentalSignatureExpired.selector, g.deadline);
        } else if (!g.validSignature) {
            expected = abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidSignature.selector, g.owner);
        } else {
            expected = _grantError(g.tokenId, g.grantee, g.scopes, g.expiresAt);
        }

        bytes memory signature = _signGrant(g);
        vm.prank(_operators[submitterSeed % _operators.length]);
        (bool ok, bytes memory ret) = address(nft).call(
            abi.encodeCall(
                nft.grantAccessBySig,
                (g.tokenId, g.grantee, g.scopes, g.expiresAt, WRAPPED_KEY, g.deadline, signature)
            )
        );
        if (ok && !g.validSignature) ++ghostUnauthorizedGrants;
        if (!_check("grantAccessBySig", ok, ret, expected)) return;
        _grants[g.tokenId][g.grantee] = GrantGhost(g.scopes, g.expiresAt);
        ++ghostNonce[g.owner];
        ++successes["grantAccessBySig"];
    }

    function revokeAccess(uint256 actorSeed, uint256 tokenSeed, uint256 granteeSeed) external action("revokeAccess") {
        if (tokenIds.length == 0) return;
        uint256 tokenId = _pickToken(tokenSeed);
        uint256 actor = _pickCaller(actorSeed, tokenId);
        // Mostly a grantee that holds a grant, when there is one.
        address grantee = grantees[granteeSeed % grantees.length];
        if (_dice(granteeSeed, "held grant") % 4 != 0) {
            for (uint256 i; i < grantees.length; ++i) {
                address candidate = grantees[((granteeSeed % grantees.length) + i) % grantees.length];
                if (_grants[tokenId][candidate].scopes != 0) {
                    grantee = candidate;
                    break;
                }
            }
        }
        bytes memory expected = _ownerError(tokenId, actors[actor]);
        if (expected.length == 0 && _grants[tokenId][grantee].scopes == 0) {
            expected = abi.encodeWithSelector(IBioDentalNFT.BioDentalNoGrant.selector, tokenId, grantee);
        }
        (bool ok, bytes memory ret) = _callAs(actor, abi.encodeCall(nft.revokeAccess, (tokenId, grantee)));
        if (!_check("revokeAccess", ok, ret, expected)) return;
        delete _grants[tokenId][grantee];
        ++successes["revokeAccess"];
    }

    /// @notice An actor cancels its unsubmitted signed grants; later signatures must use the next nonce.
    function useNonce(uint256 actorSeed) external action("useNonce") {
        // One call in four: enough to interleave with signed grants, rare enough to leave them room.
        if (_dice(actorSeed, "useNonce") % 4 != 0) return;
        uint256 actor = _dice(actorSeed, "nonce actor") % actors.length;
        address account = actors[actor];
        (bool ok, bytes memory ret) = _callAs(actor, abi.encodeCall(nft.useNonce, ()));
        if (!_check("useNonce", ok, ret, "")) return;
        if (abi.decode(ret, (uint256)) != ghostNonce[account]) _violation("useNonce returned another nonce");
        ++ghostNonce[account];
        ++successes["useNonce"];
    }

    function burn(uint256 actorSeed, uint256 tokenSeed) external action("burn") {
        // Burn one call in three, so that most runs keep live tokens to grant and revoke on.
        if (tokenIds.length == 0 || _dice(tokenSeed, "burn") % 3 != 0) return;
        uint256 tokenId = _pickToken(tokenSeed);
        uint256 actor = _pickCaller(actorSeed, tokenId);
        bytes memory expected = _ownerError(tokenId, actors[actor]);
        (bool ok, bytes memory ret) = _callAs(actor, abi.encodeCall(nft.burn, (tokenId)));
        if (!_check("burn", ok, ret, expected)) return;
        _tokens[tokenId].live = false;
        --ghostLiveCount[_tokens[tokenId].owner];
        ++successes["burn"];
    }

    /// @notice Tries every way an ERC-721 token could change hands; all must revert.
    function attemptTransfer(
        uint256 actorSeed,
        uint256 tokenSeed,
        uint256 toSeed,
        uint8 kind
    ) external action("attemptTransfer") {
        if (tokenIds.length == 0) return;
        uint256 tokenId = _pickToken(tokenSeed);
        uint256 actor = _pickCaller(actorSeed, tokenId);
        address from = _tokens[tokenId].owner;
        address to = grantees[toSeed % grantees.length];
        bytes memory data;
        bytes memory expected = abi.encodeWithSelector(ISoulboundERC721.BioDentalTransferDisabled.selector, tokenId);
        kind %= 5;
        if (kind == 0) data = abi.encodeWithSignature("transferFrom(address,address,uint256)", from, to, tokenId);
        else if (kind == 1) {
            data = abi.encodeWithSignature("safeTransferFrom(address,address,uint256)", from, to, tokenId);
        } else if (kind == 2) {
            data = abi.encodeWithSignature("safeTransferFrom(address,address,uint256,bytes)", from, to, tokenId, "");
        } else {
            expected = abi.encodeWithSelector(ISoulboundERC721.BioDentalApprovalDisabled.selector);
            data =
                kind == 3
                    ? abi.encodeWithSignature("approve(address,uint256)", to, tokenId)
                    : abi.encodeWithSignature("setApprovalForAll(address,bool)", to, true);
        }
        (bool ok, bytes memory ret) = _callAs(actor, data);
        if (ok) ++ghostTransferSuccesses;
        _check("attemptTransfer", ok, ret, expected);
    }

    /// @notice Lets time pass, so that grants and signature deadlines expire. One warp in four
    /// lands on the next grant expiry or the second before it, where an off-by-one would show.
    function warp(uint256 secondsSeed) external action("warp") {
        uint256 nextExpiry = _dice(secondsSeed, "edge") % 4 == 0 ? _nextExpiry() : 0;
        if (nextExpiry != 0) currentTime = nextExpiry - (secondsSeed % 2);
        else currentTime += 1 + (secondsSeed % 1 days);
        vm.warp(currentTime);
    }

    // ================================================================ ghost reads

    function tokenCount() external view returns (uint256) {
        return tokenIds.length;
    }

    function granteeCount() external view returns (uint256) {
        return grantees.length;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function violationCount() external view returns (uint256) {
        return violations.length;
    }

    function tokenGhost(uint256 tokenId) external view returns (TokenGhost memory) {
        return _tokens[tokenId];
    }

    function grantGhost(uint256 tokenId, address grantee) external view returns (GrantGhost memory) {
        return _grants[tokenId][grantee];
    }

    // ================================================================ private

    /// @dev Calls the contract as actor `actor`: directly for an EOA, through `execute` for a
    /// wallet, unwrapping the wallet's error so both report the contract's own error.
    function _callAs(uint256 actor, bytes memory data) private returns (bool ok, bytes memory ret) {
        address account = actors[actor];
        if (account.code.length == 0) {
            vm.prank(account);
            return address(nft).call(data);
        }
        vm.prank(_operators[actor]);
        (ok, ret) = account.call(abi.encodeCall(MockERC1271Wallet.execute, (address(nft), data)));
        if (ok) return (true, abi.decode(ret, (bytes)));
        if (ret.length >= 4 && bytes4(ret) == MockERC1271Wallet.MockWalletCallFailed.selector) {
            ret = abi.decode(_dropSelector(ret), (bytes));
        }
    }

    /// @dev Compares an outcome with the model (`expected` empty: success); returns whether the
    /// call succeeded as expected.
    function _check(string memory name, bool ok, bytes memory ret, bytes memory expected) private returns (bool) {
        bool expectSuccess = expected.length == 0;
        if (ok != expectSuccess) {
            _violation(
                string.concat(
                    name,
                    ok ? ": succeeded, the model says it must revert" : ": reverted, the model says it must succeed"
                )
            );
        } else if (!ok && keccak256(ret) != keccak256(expected)) {
            _violation(string.concat(name, ": reverted with another error than the model's"));
        }
        return ok && expectSuccess;
    }

    function _violation(string memory message) private {
        violations.push(message);
    }

    /// @dev The error an owner-only function must raise for `caller`, or empty.
    function _ownerError(uint256 tokenId, address caller) private view returns (bytes memory) {
        TokenGhost storage token = _tokens[tokenId];
        if (!token.live) return abi.encodeWithSelector(ISoulboundERC721.BioDentalNonexistentToken.selector, tokenId);
        if (caller != token.owner) {
            return abi.encodeWithSelector(IBioDentalNFT.BioDentalUnauthorized.selector, caller, tokenId);
        }
        return "";
    }

    /// @dev The error a grant with these parameters must raise, in the documented order, or empty.
    function _grantError(
        uint256 tokenId,
        address grantee,
        uint8 scopes,
        uint64 expiresAt
    ) private view returns (bytes memory) {
        if (scopes == 0 || scopes > 3)
            return abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidScopes.selector, scopes);
        if (expiresAt <= currentTime)
            return abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidExpiry.selector, expiresAt);
        if (grantee == address(0) || grantee == _tokens[tokenId].owner) {
            return abi.encodeWithSelector(IBioDentalNFT.BioDentalInvalidGrantee.selector, grantee);
        }
        return "";
    }

    /// @dev Mostly a live token (the next one from a random start), sometimes any token minted
    /// so far, burned ones included.
    function _pickToken(uint256 seed) private view returns (uint256) {
        uint256 count = tokenIds.length;
        uint256 start = seed % count;
        if (_dice(seed, "live token") % 4 != 0) {
            for (uint256 i; i < count; ++i) {
                uint256 tokenId = tokenIds[(start + i) % count];
                if (_tokens[tokenId].live) return tokenId;
            }
        }
        return tokenIds[start];
    }

    /// @dev Mostly the token's owner (so that owner-only calls succeed often), else any actor.
    function _pickCaller(uint256 seed, uint256 tokenId) private view returns (uint256) {
        if (_dice(seed, "owner calls") % 4 != 0) return _indexOf(_tokens[tokenId].owner);
        return _dice(seed, "caller") % actors.length;
    }

    function _indexOf(address actor) private view returns (uint256) {
        for (uint256 i; i < actors.length; ++i) if (actors[i] == actor) return i;
        revert("not an actor");
    }

    /// @dev The earliest expiry of a current grant on a live token, or 0 if there is none.
    function _nextExpiry() private view returns (uint256 next) {
        for (uint256 i; i < tokenIds.length; ++i) {
            if (!_tokens[tokenIds[i]].live) continue;
            for (uint256 j; j < grantees.length; ++j) {
                uint256 expiresAt = _grants[tokenIds[i]][grantees[j]].expiresAt;
                if (expiresAt > currentTime && (next == 0 || expiresAt < next)) next = expiresAt;
            }
        }
    }

    /// @dev Mostly valid scopes (READ, PRESENT or both); sometimes zero or with an unknown bit.
    function _scopes(uint8 seed) private pure returns (uint8) {
        uint256 dice = _dice(seed, "scopes") % 8;
        if (dice < 6) return uint8(dice % 3) + 1;
        return dice == 6 ? 0 : seed | 4;
    }

    /// @dev Expiries from an hour ago (invalid) to three days ahead.
    function _expiry(uint256 seed) private view returns (uint64) {
        return uint64(currentTime - 1 hours + (seed % 3 days));
    }

    /// @dev Picks a signed grant's parameters: mostly the owner's consent key and current nonce,
    /// sometimes another key in the run, a used nonce or a future one.
    function _signedGrant(
        uint256 keySeed,
        uint256 tokenSeed,
        uint256 granteeSeed,
        uint8 scopeSeed,
        uint256 expirySeed,
        uint256 nonceSeed
    ) private view returns (SignedGrant memory g) {
        g.tokenId = _pickToken(tokenSeed);
        TokenGhost storage token = _tokens[g.tokenId];
        g.owner = token.owner;
        g.live = token.live;
        uint256 ownerIndex = _indexOf(g.owner);
        g.key =
            _dice(keySeed, "owner signs") % 4 != 0
                ? _consentKeys[ownerIndex]
                : _keys[_dice(keySeed, "signer") % _keys.length];
        g.grantee = grantees[granteeSeed % grantees.length];
        g.scopes = _scopes(scopeSeed);
        g.expiresAt = _expiry(expirySeed);
        uint256 current = ghostNonce[g.owner];
        g.nonce = current;
        uint256 nonceDice = _dice(nonceSeed, "nonce") % 10;
        if (nonceDice == 8) g.nonce = current + 1;
        else if (nonceDice == 9 && current > 0) g.nonce = current - 1;
        g.validSignature =
            g.nonce == current &&
            (
                g.owner == address(acceptingWallet)
                    ? g.key == _consentKeys[ownerIndex]
                    : g.owner != address(rejectingWallet) && vm.addr(g.key) == g.owner
            );
    }

    /// @dev Signs `g` as EIP-712 typed data, the digest built from the documented type string.
    function _signGrant(SignedGrant memory g) private view returns (bytes memory) {
        bytes32 domain = keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("BioDentalNFT"), keccak256("1"), block.chainid, address(nft))
        );
        bytes32 structHash = keccak256(
            abi.encode(
                GRANT_TYPEHASH,
                g.tokenId,
                g.grantee,
                g.scopes,
                g.expiresAt,
                keccak256(WRAPPED_KEY),
                g.nonce,
                g.deadline
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(g.key, keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        return abi.encodePacked(r, s, v);
    }

    /// @dev A uniform draw from a fuzzed seed. The fuzzer favours edge values (0, 1, max), which
    /// would otherwise always take the same branch of every `seed % n` choice.
    function _dice(uint256 seed, string memory salt) private pure returns (uint256) {
        return uint256(keccak256(abi.encode(seed, salt)));
    }

    function _dropSelector(bytes memory data) private pure returns (bytes memory out) {
        out = new bytes(data.length - 4);
        for (uint256 i; i < out.length; ++i) out[i] = data[i + 4];
    }
}
