// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Bio-Dental NFT: oral-wellness records owned as non-transferable ERC-721 tokens
/// @notice The chain holds only the token, a pointer to the encrypted payload on IPFS (its binary
/// CID), who may read it and until when, each member's public encryption key, and the festival's
/// booths. The record itself never touches the chain: it is encrypted in the member's browser.
/// @dev Token ids are `uint256(uint160(owner)) << 96 | mintIndex`, where `mintIndex` counts the
/// owner's mints from zero. A client therefore knows a token's id before it mints, and binds the
/// ciphertext to it (chain id, contract, token id, version) without a race against other minters.
/// Ids are never reused, so nothing a burned token had can be inherited by a later one.
interface IBioDentalNFT {
    /// @notice A booth presentation: the holder proves, to one booth, for a short time, that it
    /// may present `tokenId`. Signed as EIP-712 typed data, domain
    /// `{name: "BioDentalNFT", version: "1", chainId, verifyingContract}`, type
    /// `Presentation(uint256 tokenId,address holder,address booth,bytes32 challenge,uint64 notAfter)`.
    struct Presentation {
        uint256 tokenId;
        address holder;
        address booth;
        bytes32 challenge;
        uint64 notAfter;
    }

    /// @notice The verdict of `verifyPresentation`; returned as its `uint8` value. The numbering
    /// is part of the booth protocol: append new reasons, never renumber.
    enum PresentationReason {
        Valid, // 0: the presentation is valid
        Expired, // 1: notAfter is in the past
        TooFarAhead, // 2: notAfter is more than MAX_PRESENTATION_WINDOW seconds ahead
        BoothNotRegistered, // 3: the booth was never registered
        BoothInactive, // 4: the booth was deactivated
        NonexistentToken, // 5: the token was never minted, or was burned
        HolderNotAuthorized, // 6: the holder is neither the owner nor holds a PRESENT grant
        DelegateExpired, // 7: the holder's PRESENT grant has expired
        BadSignature // 8: the signature is not the holder's (EOA or ERC-1271)
    }

    // ---------------------------------------------------------------- errors

    /// @notice Thrown when `caller` is not the owner of `tokenId` and so may not change it.
    error BioDentalUnauthorized(address caller, uint256 tokenId);

    /// @notice Thrown when `cid` is not a binary CIDv0 or CIDv1 with a sha2-256 multihash.
    error BioDentalMalformedCid(bytes cid);

    /// @notice Thrown when `scopes` is zero or has bits other than READ (1) and PRESENT (2).
    error BioDentalInvalidScopes(uint8 scopes);

    /// @notice Thrown when a grant's `expiresAt` is not in the future.
    error BioDentalInvalidExpiry(uint64 expiresAt);

    /// @notice Thrown when `grantee` is the zero address or the token's owner.
    error BioDentalInvalidGrantee(address grantee);

    /// @notice Thrown when a revoke names a grantee that holds no grant on `tokenId`.
    error BioDentalNoGrant(uint256 tokenId, address grantee);

    /// @notice Thrown when a signed grant is submitted after its `deadline`.
    error BioDentalSignatureExpired(uint256 deadline);

    /// @notice Thrown when a signed grant is not signed by `owner` (EOA or ERC-1271 wallet), or
    /// was signed for another nonce, chain or contract.
    error BioDentalInvalidSignature(address owner);

    /// @notice Thrown when an encryption key is zero: an X25519 public key is never all zeros.
    error BioDentalInvalidEncryptionKey();

    /// @notice Thrown when a public title is longer than 64 bytes or has a character outside
    /// printable ASCII or one of `"` `\` `<` `>` `&` (titles go verbatim into JSON and SVG).
    error BioDentalInvalidTitle();

    /// @notice Thrown when a booth name is empty or longer than 64 bytes.
    error BioDentalInvalidBoothName();

    /// @notice Thrown when `booth` is the zero address.
    error BioDentalInvalidBooth(address booth);

    /// @notice Thrown when registering a booth that is already registered and active.
    error BioDentalBoothAlreadyActive(address booth);

    /// @notice Thrown when deactivating a booth that is not registered or already inactive.
    error BioDentalBoothNotActive(address booth);

    // ---------------------------------------------------------------- events

    /// @notice Emitted at mint (version 1) and at every update: replaying these events gives the
    /// whole history of a record's encrypted payloads.
    event RecordUpdated(uint256 indexed tokenId, uint64 version, bytes cid);

    /// @notice Emitted when the owner burns the token: the record pointer and every grant are gone.
    event RecordErased(uint256 indexed tokenId, address indexed owner);

    /// @notice Emitted when `grantee` receives `scopes` on `tokenId` until `expiresAt`. For READ,
    /// `wrappedKey` is the record's data key wrapped (HPKE) for the grantee: it travels here, in
    /// the log, and is never stored.
    event AccessGranted(
        uint256 indexed tokenId,
        address indexed grantee,
        uint8 scopes,
        uint64 expiresAt,
        bytes wrappedKey
    );

    /// @notice Emitted when the owner revokes every scope `grantee` held on `tokenId`.
    event AccessRevoked(uint256 indexed tokenId, address indexed grantee);

    /// @notice Emitted when `owner` spends signature nonce `nonce` without a grant, cancelling
    /// every signature made for it that was not yet submitted.
    event NonceUsed(address indexed owner, uint256 nonce);

    /// @notice Emitted when `account` registers (or replaces) its X25519 public key.
    event EncryptionKeySet(address indexed account, bytes32 publicKey);

    /// @notice Emitted when the owner changes the public profile or the consent flag of `tokenId`.
    /// @dev Carries no profile fields: read them with `publicProfileOf`, which hides them while
    /// consent is off.
    event PublicProfileUpdated(uint256 indexed tokenId, bool consent);

    /// @notice Emitted when an organizer registers or re-activates a booth.
    event BoothRegistered(address indexed booth, string name);

    /// @notice Emitted when an organizer deactivates a booth.
    event BoothDeactivated(address indexed booth);

    // ---------------------------------------------------------------- records

    /// @notice Mints a token to the caller for the encrypted record at `recordCid` (version 1).
    /// @param recordCid The binary CID (v0, or v1 with any codec below 2^14) of the encrypted
    /// payload; its multihash must be sha2-256.
    /// @return tokenId `uint160(caller) << 96 | mintIndex`: predictable before the call.
    function mint(bytes calldata recordCid) external returns (uint256 tokenId);

    /// @notice Points `tokenId` at a new encrypted payload and increments its version.
    /// @dev Owner only. The new payload is bound to the next version by its associated data.
    function updateRecord(uint256 tokenId, bytes calldata recordCid) external;

    /// @notice Returns the current record pointer of `tokenId`.
    /// @return cid The exact binary CID given at mint or at the last update.
    /// @return version 1 at mint, incremented by every update.
    /// @return updatedAt The block timestamp of the mint or of the last update.
    function recordOf(uint256 tokenId) external view returns (bytes memory cid, uint64 version, uint64 updatedAt);

    /// @notice Returns the id the caller's next mint will have.
    function nextTokenIdOf(address owner) external view returns (uint256);

    /// @notice Erases `tokenId`: clears the record pointer and, with it, every grant.
    /// @dev Owner only. Unpinning the payload is the client's job; the chain keeps no key to it.
    function burn(uint256 tokenId) external;

    // ---------------------------------------------------------------- access delegation

    /// @notice Grants `scopes` (READ = 1, PRESENT = 2) on `tokenId` to `grantee` until
    /// `expiresAt`, replacing any earlier grant to the same grantee.
    /// @dev Owner only. `wrappedKey` is emitted in `AccessGranted`, never stored.
    function grantAccess(
        uint256 tokenId,
        address grantee,
        uint8 scopes,
        uint64 expiresAt,
        bytes calldata wrappedKey
    ) external;

    /// @notice Like `grantAccess`, submitted by anyone with the owner's EIP-712 signature of
    /// `GrantAccess(uint256 tokenId,address grantee,uint8 scopes,uint64 expiresAt,bytes wrappedKey,uint256 nonce,uint256 deadline)`.
    /// @dev Verified with OpenZeppelin's SignatureChecker, so ERC-1271 contract wallets can consent.
    /// The owner's nonce is consumed, so a signature works once.
    function grantAccessBySig(
        uint256 tokenId,
        address grantee,
        uint8 scopes,
        uint64 expiresAt,
        bytes calldata wrappedKey,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Revokes every scope `grantee` holds on `tokenId`.
    /// @dev Owner only. Revocation stops future reads of future versions; the client re-encrypts
    /// the record under a new data key and calls `updateRecord` (see the README's threat model).
    function revokeAccess(uint256 tokenId, address grantee) external;

    /// @notice Whether `account` holds every bit of `scope` on `tokenId` now.
    /// @dev The owner holds every scope; an expired or revoked grant holds none; a burned or
    /// never-minted token grants nothing; a `scope` of zero or with unknown bits is never held.
    function hasAccess(uint256 tokenId, address account, uint8 scope) external view returns (bool);

    /// @notice Returns the grant of `grantee` on `tokenId` as stored, expired or not.
    function grantOf(uint256 tokenId, address grantee) external view returns (uint8 scopes, uint64 expiresAt);

    /// @notice Returns the next nonce a signature of `owner` must use.
    function nonces(address owner) external view returns (uint256);

    /// @notice Spends the caller's current signature nonce, so a `grantAccessBySig` signature made
    /// for it can no longer be submitted, even before its deadline.
    /// @dev For a member who signed a grant and changed their mind, or whose signature leaked.
    /// Signatures are made for one nonce each, so this cancels all those made for the current one.
    /// Emits `NonceUsed` for indexers and returns the nonce spent.
    function useNonce() external returns (uint256 nonce);

    // ---------------------------------------------------------------- encryption keys

    /// @notice Registers the caller's X25519 public key, used to wrap record keys for it.
    function setEncryptionKey(bytes32 publicKey) external;

    /// @notice Returns `account`'s X25519 public key, or zero if it registered none.
    function encryptionKeyOf(address account) external view returns (bytes32);

    // ---------------------------------------------------------------- public profile

    /// @notice Sets the public profile of `tokenId`: a title and the CID of a public story, and
    /// whether the owner consents to show them. Only while `consent` is true do `tokenURI` and
    /// `publicProfileOf` reveal them.
    /// @dev Owner only. `storyCid` may be empty (no story). Everything in a transaction is public
    /// on-chain forever; consent controls what this contract and the app show, not history.
    function setPublicProfile(uint256 tokenId, string calldata title, bytes calldata storyCid, bool consent) external;

    /// @notice Turns the owner's consent to show the public profile of `tokenId` on or off.
    function setConsent(uint256 tokenId, bool consent) external;

    /// @notice Returns the public profile of `tokenId`; empty unless its owner consents.
    function publicProfileOf(
        uint256 tokenId
    ) external view returns (string memory title, bytes memory storyCid, bool consent);

    // ---------------------------------------------------------------- booths

    /// @notice Registers (or re-activates, renamed) `booth` under `name`. Organizers only.
    function registerBooth(address booth, string calldata name) external;

    /// @notice Deactivates `booth`: its presentations no longer verify. Organizers only.
    function deactivateBooth(address booth) external;

    /// @notice Returns `booth`'s name and whether it is active; an empty name if never registered.
    function boothOf(address booth) external view returns (string memory name, bool active);

    /// @notice Verifies a booth presentation without writing anything: no attendance trail.
    /// @dev Valid iff the token exists, `holder` is its owner or holds an unexpired PRESENT grant,
    /// `signature` is the holder's (EOA or ERC-1271) over the EIP-712 `Presentation`, the booth is
    /// registered and active, and `block.timestamp <= notAfter <= block.timestamp + 120`. Replay
    /// of a challenge is the booth's to reject: a view cannot remember.
    /// @return valid Whether every condition holds.
    /// @return reason A `PresentationReason`: the first condition that failed, or Valid.
    function verifyPresentation(
        Presentation calldata presentation,
        bytes calldata signature
    ) external view returns (bool valid, uint8 reason);
}
