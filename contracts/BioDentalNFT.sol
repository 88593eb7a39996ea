// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IBioDentalNFT} from "./interfaces/IBioDentalNFT.sol";
import {IBioDentalRenderer} from "./interfaces/IBioDentalRenderer.sol";
import {GrantPacking} from "./libraries/GrantPacking.sol";
import {RecordCid} from "./libraries/RecordCid.sol";
import {SoulboundERC721} from "./token/SoulboundERC721.sol";

/// @title BioDentalNFT: oral-wellness records owned as soulbound tokens
/// @notice See IBioDentalNFT for the whole interface. The chain holds pointers, grants, public
/// keys and booths; never a record and never a key that opens one.
contract BioDentalNFT is IBioDentalNFT, IERC4906, SoulboundERC721, AccessControl, EIP712 {
    using GrantPacking for uint256;

    /// @notice The role that registers and deactivates festival booths.
    bytes32 public constant ORGANIZER_ROLE = keccak256("ORGANIZER_ROLE");
    /// @notice Scope bit: may decrypt the record.
    uint8 public constant READ = GrantPacking.READ;
    /// @notice Scope bit: may present the token at booths on the owner's behalf.
    uint8 public constant PRESENT = GrantPacking.PRESENT;
    /// @notice How far ahead a presentation's `notAfter` may lie, in seconds.
    uint64 public constant MAX_PRESENTATION_WINDOW = 120;

    bytes32 private constant _GRANT_TYPEHASH = keccak256(
        "GrantAccess(uint256 tokenId,address grantee,uint8 scopes,uint64 expiresAt,bytes wrappedKey,uint256 nonce,uint256 deadline)"
    );
    bytes32 private constant _PRESENTATION_TYPEHASH = keccak256(
        "Presentation(uint256 tokenId,address holder,address booth,bytes32 challenge,uint64 notAfter)"
    );

    uint8 private constant _BOOTH_ACTIVE = 1;
    uint8 private constant _BOOTH_INACTIVE = 2;
    uint256 private constant _MAX_NAME_LENGTH = 64;

    /// @dev A public profile. Its story CID is split like the record's (RecordCid); the flags sit
    /// beside the story format so that `setConsent` rewrites a single slot.
    struct Profile {
        bytes32 storyDigest;
        uint24 storyFormat;
        bool hasStory;
        bool consent;
        string title;
    }

    /// @dev `status` and `name` are read separately: verification needs only the status slot.
    struct Booth {
        uint8 status;
        string name;
    }

    IBioDentalRenderer private immutable _renderer;

    /// @dev The sha2-256 digest of each record's current CID; the CID's version/codec, the record
    /// version and its timestamp live in the token's owner slot (SoulboundERC721's extra data).
    mapping(uint256 tokenId => bytes32 digest) private _recordDigests;
    /// @dev GrantPacking words. Token ids are never reused, so a burned token's grants stay
    /// unreachable: `hasAccess` checks the owner first.
    mapping(uint256 tokenId => mapping(address grantee => uint256 grant)) private _grants;
    mapping(address account => bytes32 publicKey) private _encryptionKeys;
    mapping(uint256 tokenId => Profile) private _profiles;
    mapping(address booth => Booth) private _booths;

    /// @param organizer Holds the organizer and admin roles (the deployer, by default).
    /// @param renderer Renders `tokenURI`.
    constructor(address organizer, IBioDentalRenderer renderer) EIP712("BioDentalNFT", "1") {
        _renderer = renderer;
        _grantRole(DEFAULT_ADMIN_ROLE, organizer);
        _grantRole(ORGANIZER_ROLE, organizer);
    }

    // ------------------------------------------------------------------ metadata

    /// @inheritdoc IERC721Metadata
    function name() external pure returns (string memory) {
        return "Bio-Dental Record";
    }

    /// @inheritdoc IERC721Metadata
    function symbol() external pure returns (string memory) {
        return "SMILE";
    }

    /// @inheritdoc IERC721Metadata
    /// @dev Reveals the owner's title and story only while the owner consents. It does not show
    /// the record's version or CID, so record updates are not metadata changes.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _requireOwned(tokenId);
        Profile storage profile = _profiles[tokenId];
        bool consent = profile.consent;
        return
            _renderer.tokenURI(
                tokenId,
                consent,
                consent ? profile.title : "",
                consent && profile.hasStory ? RecordCid.encode(profile.storyDigest, profile.storyFormat) : bytes("")
            );
    }

    /// @inheritdoc IERC165
    function supportsInterface(
        bytes4 interfaceId
    ) public view override(SoulboundERC721, AccessControl, IERC165) returns (bool) {
        // 0x49064906 is ERC-4906's id as its EIP defines it.
        return
            interfaceId == bytes4(0x49064906) ||
            SoulboundERC721.supportsInterface(interfaceId) ||
            AccessControl.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------ records

    /// @inheritdoc IBioDentalNFT
    function mint(bytes calldata recordCid) external returns (uint256 tokenId) {
        (bytes32 digest, uint24 format) = RecordCid.decode(recordCid);
        tokenId = _mintNext(msg.sender, _packRecordMeta(1, block.timestamp, format));
        _recordDigests[tokenId] = digest;
        _emitRecordUpdated(tokenId, 1, recordCid);
    }

    /// @inheritdoc IBioDentalNFT
    function updateRecord(uint256 tokenId, bytes calldata recordCid) external {
        (uint256 slot, address owner, uint96 meta) = _tokenDataWithSlot(tokenId);
        if (owner != msg.sender) _revertNotOwner(owner, tokenId);
        (bytes32 digest, uint24 format) = RecordCid.decode(recordCid);
        uint32 version = uint32(meta) + 1;
        _setExtraDataAt(slot, owner, _packRecordMeta(version, block.timestamp, format));
        _recordDigests[tokenId] = digest;
        _emitRecordUpdated(tokenId, version, recordCid);
    }

    /// @inheritdoc IBioDentalNFT
    function recordOf(uint256 tokenId) external view returns (bytes memory cid, uint64 version, uint64 updatedAt) {
        (address owner, uint96 meta) = _tokenData(tokenId);
        if (owner == address(0)) revert BioDentalNonexistentToken(tokenId);
        cid = RecordCid.encode(_recordDigests[tokenId], uint24(meta >> 72));
        version = uint32(meta);
        updatedAt = uint40(meta >> 32);
    }

    /// @inheritdoc IBioDentalNFT
    function nextTokenIdOf(address owner) external view returns (uint256) {
        return _nextTokenIdOf(owner);
    }

    /// @inheritdoc IBioDentalNFT
    function burn(uint256 tokenId) external {
        address owner = _ownerOf(tokenId);
        if (owner != msg.sender) _revertNotOwner(owner, tokenId);
        delete _recordDigests[tokenId];
        delete _profiles[tokenId];
        _burn(tokenId, owner);
        emit RecordErased(tokenId, owner);
    }

    // ------------------------------------------------------------------ access delegation

    /// @inheritdoc IBioDentalNFT
    function grantAccess(
        uint256 tokenId,
        address grantee,
        uint8 scopes,
        uint64 expiresAt,
        bytes calldata wrappedKey
    ) external {
        address owner = _ownerOf(tokenId);
        if (owner != msg.sender) _revertNotOwner(owner, tokenId);
        _grant(tokenId, owner, grantee, scopes, expiresAt, wrappedKey);
    }

    /// @inheritdoc IBioDentalNFT
    function grantAccessBySig(
        uint256 tokenId,
        address grantee,
        uint8 scopes,
        uint64 expiresAt,
        bytes calldata wrappedKey,
        uint256 deadline,
        bytes calldata signature
    ) external {
        address owner = _requireOwned(tokenId);
        if (block.timestamp > deadline) revert BioDentalSignatureExpired(deadline);
        bytes32 digest = _hashTypedDataV4(
            keccak256(
                abi.encode(
                    _GRANT_TYPEHASH,
                    tokenId,
                    grantee,
                    scopes,
                    expiresAt,
                    keccak256(wrappedKey),
                    _nonceOf(owner),
                    deadline
                )
            )
        );
        // A view call (staticcall) into an ERC-1271 wallet cannot re-enter to change state.
        if (!SignatureChecker.isValidSignatureNowCalldata(owner, digest, signature))
            revert BioDentalInvalidSignature(owner);
        _useNonce(owner);
        _grant(tokenId, owner, grantee, scopes, expiresAt, wrappedKey);
    }

    /// @inheritdoc IBioDentalNFT
    function revokeAccess(uint256 tokenId, address grantee) external {
        address owner = _ownerOf(tokenId);
        if (owner != msg.sender) _revertNotOwner(owner, tokenId);
        if (_grants[tokenId][grantee] == 0) revert BioDentalNoGrant(tokenId, grantee);
        delete _grants[tokenId][grantee];
        emit AccessRevoked(tokenId, grantee);
    }

    /// @inheritdoc IBioDentalNFT
    function hasAccess(uint256 tokenId, address account, uint8 scope) external view returns (bool) {
        address owner = _ownerOf(tokenId);
        if (owner == address(0) || !GrantPacking.isValidScope(scope)) return false;
        return account == owner || _grants[tokenId][account].allows(scope, block.timestamp);
    }

    /// @inheritdoc IBioDentalNFT
    function grantOf(uint256 tokenId, address grantee) external view returns (uint8 scopes, uint64 expiresAt) {
        if (_ownerOf(tokenId) == address(0)) return (0, 0);
        uint256 grant = _grants[tokenId][grantee];
        return (grant.scopesOf(), grant.expiresAtOf());
    }

    /// @inheritdoc IBioDentalNFT
    function nonces(address owner) external view returns (uint256) {
        return _nonceOf(owner);
    }

    /// @inheritdoc IBioDentalNFT
    function useNonce() external returns (uint256 nonce) {
        nonce = _nonceOf(msg.sender);
        _useNonce(msg.sender);
        emit NonceUsed(msg.sender, nonce);
    }

    // ------------------------------------------------------------------ encryption keys

    /// @inheritdoc IBioDentalNFT
    function setEncryptionKey(bytes32 publicKey) external {
        if (publicKey == bytes32(0)) revert BioDentalInvalidEncryptionKey();
        _encryptionKeys[msg.sender] = publicKey;
        emit EncryptionKeySet(msg.sender, publicKey);
    }

    /// @inheritdoc IBioDentalNFT
    function encryptionKeyOf(address account) external view returns (bytes32) {
        return _encryptionKeys[account];
    }

    // ------------------------------------------------------------------ public profile

    /// @inheritdoc IBioDentalNFT
    function setPublicProfile(uint256 tokenId, string calldata title, bytes calldata storyCid, bool consent) external {
        address owner = _ownerOf(tokenId);
        if (owner != msg.sender) _revertNotOwner(owner, tokenId);
        _checkTitle(bytes(title));
        Profile storage profile = _profiles[tokenId];
        if (storyCid.length == 0) {
            delete profile.storyDigest;
            profile.storyFormat = 0;
            profile.hasStory = false;
        } else {
            (bytes32 digest, uint24 format) = RecordCid.decode(storyCid);
            profile.storyDigest = digest;
            profile.storyFormat = format;
            profile.hasStory = true;
        }
        profile.consent = consent;
        profile.title = title;
        emit PublicProfileUpdated(tokenId, consent);
        emit MetadataUpdate(tokenId);
    }

    /// @inheritdoc IBioDentalNFT
    function setConsent(uint256 tokenId, bool consent) external {
        address owner = _ownerOf(tokenId);
        if (owner != msg.sender) _revertNotOwner(owner, tokenId);
        _profiles[tokenId].consent = consent;
        emit PublicProfileUpdated(tokenId, consent);
        emit MetadataUpdate(tokenId);
    }

    /// @inheritdoc IBioDentalNFT
    function publicProfileOf(
        uint256 tokenId
    ) external view returns (string memory title, bytes memory storyCid, bool consent) {
        _requireOwned(tokenId);
        Profile storage profile = _profiles[tokenId];
        if (!profile.consent) return ("", "", false);
        title = profile.title;
        if (profile.hasStory) storyCid = RecordCid.encode(profile.storyDigest, profile.storyFormat);
        consent = true;
    }

    // ------------------------------------------------------------------ booths

    /// @inheritdoc IBioDentalNFT
    function registerBooth(address booth, string calldata boothName) external onlyRole(ORGANIZER_ROLE) {
        if (booth == address(0)) revert BioDentalInvalidBooth(booth);
        uint256 length = bytes(boothName).length;
        if (length == 0 || length > _MAX_NAME_LENGTH) revert BioDentalInvalidBoothName();
        Booth storage entry = _booths[booth];
        if (entry.status == _BOOTH_ACTIVE) revert BioDentalBoothAlreadyActive(booth);
        entry.status = _BOOTH_ACTIVE;
        entry.name = boothName;
        emit BoothRegistered(booth, boothName);
    }

    /// @inheritdoc IBioDentalNFT
    function deactivateBooth(address booth) external onlyRole(ORGANIZER_ROLE) {
        Booth storage entry = _booths[booth];
        if (entry.status != _BOOTH_ACTIVE) revert BioDentalBoothNotActive(booth);
        entry.status = _BOOTH_INACTIVE;
        emit BoothDeactivated(booth);
    }

    /// @inheritdoc IBioDentalNFT
    function boothOf(address booth) external view returns (string memory boothName, bool active) {
        Booth storage entry = _booths[booth];
        return (entry.name, entry.status == _BOOTH_ACTIVE);
    }

    /// @inheritdoc IBioDentalNFT
    function verifyPresentation(
        Presentation calldata presentation,
        bytes calldata signature
    ) external view returns (bool valid, uint8 reason) {
        PresentationReason verdict = _presentationVerdict(presentation, signature);
        return (verdict == PresentationReason.Valid, uint8(verdict));
    }

    /// @notice The EIP-712 digest a holder signs for `presentation`; for booths and wallets.
    function presentationDigest(Presentation calldata presentation) external view returns (bytes32) {
        return
            _presentationDigest(
                presentation.tokenId,
                presentation.holder,
                presentation.booth,
                presentation.challenge,
                presentation.notAfter
            );
    }

    // ------------------------------------------------------------------ private

    function _grant(
        uint256 tokenId,
        address owner,
        address grantee,
        uint8 scopes,
        uint64 expiresAt,
        bytes calldata wrappedKey
    ) private {
        if (!GrantPacking.isValidScope(scopes)) revert BioDentalInvalidScopes(scopes);
        if (expiresAt <= block.timestamp) revert BioDentalInvalidExpiry(expiresAt);
        if (grantee == address(0) || grantee == owner) revert BioDentalInvalidGrantee(grantee);
        _grants[tokenId][grantee] = GrantPacking.pack(scopes, expiresAt);
        emit AccessGranted(tokenId, grantee, scopes, expiresAt, wrappedKey);
    }

    /// @dev Checks in cost order: the free time checks, one slot per storage check, and the
    /// signature (an ecrecover or an external ERC-1271 call) last. Each field of `p` is read once,
    /// where it is first needed, so the verdict of an early failure never depends on a later field.
    function _presentationVerdict(
        Presentation calldata p,
        bytes calldata signature
    ) private view returns (PresentationReason) {
        uint64 notAfter = uint64(_presentationField(p, 4, 64));
        unchecked {
            // block.timestamp + 120 cannot overflow a uint256.
            if (notAfter < block.timestamp) return PresentationReason.Expired;
            if (notAfter > block.timestamp + MAX_PRESENTATION_WINDOW) return PresentationReason.TooFarAhead;
        }
        address booth = address(uint160(_presentationField(p, 2, 160)));
        uint8 boothStatus = _booths[booth].status;
        if (boothStatus == 0) return PresentationReason.BoothNotRegistered;
        if (boothStatus != _BOOTH_ACTIVE) return PresentationReason.BoothInactive;
        uint256 tokenId = p.tokenId;
        address owner = _ownerOf(tokenId);
        if (owner == address(0)) return PresentationReason.NonexistentToken;
        address holder = address(uint160(_presentationField(p, 1, 160)));
        if (holder != owner) {
            uint256 grant = _grants[tokenId][holder];
            if (grant.scopesOf() & PRESENT == 0) return PresentationReason.HolderNotAuthorized;
            if (grant.expiresAtOf() <= block.timestamp) return PresentationReason.DelegateExpired;
        }
        bytes32 digest = _presentationDigest(tokenId, holder, booth, p.challenge, notAfter);
        // The calldata variant makes the same checks without copying the signature to memory.
        if (!SignatureChecker.isValidSignatureNowCalldata(holder, digest, signature)) {
            return PresentationReason.BadSignature;
        }
        return PresentationReason.Valid;
    }

    /// @dev Field `index` of `p` (in declaration order: tokenId 0, holder 1, booth 2, challenge 3,
    /// notAfter 4), a `bits`-bit value, validated as Solidity's own accessor does (a wider value
    /// reverts without data). Solidity's accessor also re-checks the struct's bounds through a
    /// shared routine on every access, ~150 gas a field; the ABI decoder has already checked
    /// that the whole struct lies inside the calldata.
    function _presentationField(
        Presentation calldata p,
        uint256 index,
        uint256 bits
    ) private pure returns (uint256 value) {
        // Reads one word inside the struct (index < 5, checked in bounds by the decoder).
        assembly ("memory-safe") {
            value := calldataload(add(p, shl(5, index)))
            if shr(bits, value) {
                revert(0, 0)
            }
        }
    }

    /// @dev The EIP-712 digest of a Presentation. The struct hash is encoded by hand, ~100 gas
    /// cheaper than keccak256(abi.encode(...)), which copies through a newly allocated buffer.
    function _presentationDigest(
        uint256 tokenId,
        address holder,
        address booth,
        bytes32 challenge,
        uint64 notAfter
    ) private view returns (bytes32) {
        bytes32 typeHash = _PRESENTATION_TYPEHASH;
        bytes32 structHash;
        // abi.encode(typeHash, tokenId, holder, booth, challenge, notAfter), hashed where the free
        // memory pointer points, which it leaves unmoved (the words are scratch, read only here).
        // Every value is a clean typed local, so each word is exactly what abi.encode writes.
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, typeHash)
            mstore(add(ptr, 0x20), tokenId)
            mstore(add(ptr, 0x40), holder)
            mstore(add(ptr, 0x60), booth)
            mstore(add(ptr, 0x80), challenge)
            mstore(add(ptr, 0xa0), notAfter)
            structHash := keccak256(ptr, 0xc0)
        }
        return _hashTypedDataV4(structHash);
    }

    /// @dev `emit RecordUpdated(tokenId, version, cid)`, encoded by hand: the same log, ~80-100 gas
    /// cheaper than the compiler's encoder, on the two hottest paths (mint and updateRecord).
    function _emitRecordUpdated(uint256 tokenId, uint256 version, bytes calldata cid) private {
        bytes32 topic = RecordUpdated.selector;
        // Writes only at and above the free memory pointer, which it leaves unmoved: the area is
        // scratch space that nothing reads after the log. The data is the ABI encoding of
        // (uint64 version, bytes cid): version, offset 0x40, length, then cid zero-padded to a
        // whole word, the padding word cleared before the copy since that memory may be dirty.
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            let length := cid.length
            let padded := and(add(length, 31), not(31))
            mstore(add(ptr, add(0x40, padded)), 0)
            mstore(ptr, version)
            mstore(add(ptr, 0x20), 0x40)
            mstore(add(ptr, 0x40), length)
            calldatacopy(add(ptr, 0x60), cid.offset, length)
            log2(ptr, add(0x60, padded), topic, tokenId)
        }
    }

    /// @dev The owner-only guard's failure, called once `owner != msg.sender`: a missing token
    /// and a stranger get different errors. The guard's comparison stays inline in each caller,
    /// which keeps the success path free of a call.
    function _revertNotOwner(address owner, uint256 tokenId) private view {
        if (owner == address(0)) revert BioDentalNonexistentToken(tokenId);
        revert BioDentalUnauthorized(msg.sender, tokenId);
    }

    /// @dev Titles go verbatim into JSON and SVG, so only characters that need no escaping in
    /// either are allowed.
    function _checkTitle(bytes calldata title) private pure {
        uint256 length = title.length;
        if (length > _MAX_NAME_LENGTH) revert BioDentalInvalidTitle();
        for (uint256 i; i < length; ++i) {
            bytes1 c = title[i];
            if (c < 0x20 || c > 0x7e || c == '"' || c == "\\" || c == "<" || c == ">" || c == "&") {
                revert BioDentalInvalidTitle();
            }
        }
    }

    /// @dev Record metadata in the token's 96 extra bits: version (bits 0-31), updatedAt (32-71),
    /// CID format (72-95). A uint40 timestamp lasts until the year 36812.
    function _packRecordMeta(uint32 version, uint256 timestamp, uint24 format) private pure returns (uint96) {
        return uint96(version) | (uint96(uint40(timestamp)) << 32) | (uint96(format) << 72);
    }
}
