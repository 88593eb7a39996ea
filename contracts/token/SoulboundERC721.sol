// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {ERC165, IERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {IERC5192} from "../interfaces/IERC5192.sol";
import {ISoulboundERC721} from "../interfaces/ISoulboundERC721.sol";

/// @title SoulboundERC721: a non-transferable ERC-721 core with packed storage
/// @notice Mint and burn are the only ways ownership changes; every transfer and approval path
/// reverts. Tokens are ERC-5192 locked from birth.
/// @dev Why not OpenZeppelin's ERC721: its owner slot is private, so a token's record metadata
/// would need a slot of its own, and a mint would cost two new slots beyond the owner and
/// balance. Here the owner slot carries 96 bits of per-token data for the inheriting contract
/// (as ERC721A's `_extraData` does), and the account slot carries the mint counter and the
/// signature nonce beside the balance, so neither needs a slot of its own.
abstract contract SoulboundERC721 is ERC165, IERC721Metadata, IERC5192, ISoulboundERC721 {
    /// @dev owner (bits 0-159) | extra data (bits 160-255). Zero: no token.
    mapping(uint256 tokenId => uint256 packed) private _tokens;

    /// @dev balance (bits 0-63) | mints so far (bits 64-127) | signature nonce (bits 128-191).
    mapping(address owner => uint256 packed) private _accounts;

    uint256 private constant _ADDRESS_MASK = (1 << 160) - 1;
    uint256 private constant _COUNTER_MASK = (1 << 64) - 1;
    uint256 private constant _MINTED_SHIFT = 64;
    uint256 private constant _NONCE_SHIFT = 128;
    uint256 private constant _EXTRA_SHIFT = 160;
    /// @dev Token ids keep the owner in their high 160 bits and the owner's mint index below.
    uint256 private constant _TOKEN_INDEX_BITS = 96;

    // ------------------------------------------------------------------ ERC-165

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view virtual override(ERC165, IERC165) returns (bool) {
        return
            interfaceId == type(IERC721).interfaceId ||
            interfaceId == type(IERC721Metadata).interfaceId ||
            interfaceId == type(IERC5192).interfaceId ||
            super.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------ ERC-721 reads

    /// @inheritdoc IERC721
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert BioDentalInvalidOwner(address(0));
        return _accounts[owner] & _COUNTER_MASK;
    }

    /// @inheritdoc IERC721
    function ownerOf(uint256 tokenId) external view returns (address) {
        return _requireOwned(tokenId);
    }

    /// @inheritdoc IERC721
    /// @dev Always the zero address: nobody can be approved for a soulbound token.
    function getApproved(uint256 tokenId) external view returns (address) {
        _requireOwned(tokenId);
        return address(0);
    }

    /// @inheritdoc IERC721
    /// @dev Always false: nobody can be an operator for soulbound tokens.
    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }

    /// @inheritdoc IERC5192
    function locked(uint256 tokenId) external view returns (bool) {
        _requireOwned(tokenId);
        return true;
    }

    // ------------------------------------------------------------------ ERC-721 writes: all disabled

    /// @inheritdoc IERC721
    function transferFrom(address, address, uint256 tokenId) external pure {
        revert BioDentalTransferDisabled(tokenId);
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address, address, uint256 tokenId) external pure {
        revert BioDentalTransferDisabled(tokenId);
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address, address, uint256 tokenId, bytes calldata) external pure {
        revert BioDentalTransferDisabled(tokenId);
    }

    /// @inheritdoc IERC721
    function approve(address, uint256) external pure {
        revert BioDentalApprovalDisabled();
    }

    /// @inheritdoc IERC721
    function setApprovalForAll(address, bool) external pure {
        revert BioDentalApprovalDisabled();
    }

    // ------------------------------------------------------------------ internal

    /// @dev The owner of `tokenId`, or the zero address if it does not exist.
    function _ownerOf(uint256 tokenId) internal view returns (address) {
        return address(uint160(_tokens[tokenId] & _ADDRESS_MASK));
    }

    /// @dev The owner and the 96 bits of extra data of `tokenId`, in one storage read.
    function _tokenData(uint256 tokenId) internal view returns (address owner, uint96 extra) {
        uint256 packed = _tokens[tokenId];
        return (address(uint160(packed & _ADDRESS_MASK)), uint96(packed >> _EXTRA_SHIFT));
    }

    /// @dev The owner of `tokenId`, reverting if it does not exist.
    function _requireOwned(uint256 tokenId) internal view returns (address owner) {
        owner = _ownerOf(tokenId);
        if (owner == address(0)) revert BioDentalNonexistentToken(tokenId);
    }

    /// @dev The id that `owner`'s next mint will have.
    function _nextTokenIdOf(address owner) internal view returns (uint256) {
        return _tokenIdOf(owner, (_accounts[owner] >> _MINTED_SHIFT) & _COUNTER_MASK);
    }

    /// @dev Like `_tokenData`, plus the storage slot it read, so that a read-modify-write (see
    /// `_setExtraDataAt`) hashes the key once.
    function _tokenDataWithSlot(uint256 tokenId) internal view returns (uint256 slot, address owner, uint96 extra) {
        // `slot` is where Solidity keeps `_tokens[tokenId]`: keccak256(tokenId . _tokens.slot),
        // hashed in the scratch space (0x00-0x3f) that Solidity reserves for exactly this. The
        // fields are split as `_tokenData` splits them.
        assembly ("memory-safe") {
            mstore(0x00, tokenId)
            mstore(0x20, _tokens.slot)
            slot := keccak256(0x00, 0x40)
            let packed := sload(slot)
            owner := and(packed, _ADDRESS_MASK)
            extra := shr(_EXTRA_SHIFT, packed)
        }
    }

    /// @dev Replaces the extra data of an existing token owned by `owner`, whose slot `slot` came
    /// from `_tokenDataWithSlot`.
    function _setExtraDataAt(uint256 slot, address owner, uint96 extra) internal {
        // Writes only a `_tokens` slot, in its layout: `owner` and `extra` are clean typed values,
        // so the owner fills bits 0-159 and the extra data, shifted, exactly bits 160-255.
        assembly ("memory-safe") {
            sstore(slot, or(owner, shl(_EXTRA_SHIFT, extra)))
        }
    }

    /// @dev Mints the next token of `to` with `extra` data; emits Transfer and Locked.
    function _mintNext(address to, uint96 extra) internal returns (uint256 tokenId) {
        uint256 account = _accounts[to];
        uint256 minted = (account >> _MINTED_SHIFT) & _COUNTER_MASK;
        tokenId = _tokenIdOf(to, minted);
        // Both counters are 64 bits: reaching 2^64 mints would cost more gas than exists, so
        // adding 1 to each cannot carry into the next field.
        unchecked {
            _accounts[to] = account + 1 + (1 << _MINTED_SHIFT);
        }
        _tokens[tokenId] = uint256(uint160(to)) | (uint256(extra) << _EXTRA_SHIFT);
        emit Transfer(address(0), to, tokenId);
        emit Locked(tokenId);
    }

    /// @dev Burns `tokenId`, owned by `owner`; emits Transfer to the zero address.
    function _burn(uint256 tokenId, address owner) internal {
        delete _tokens[tokenId];
        // The owner holds this token, so its balance field is at least 1: no borrow.
        unchecked {
            _accounts[owner] -= 1;
        }
        emit Transfer(owner, address(0), tokenId);
    }

    /// @dev The current signature nonce of `owner`.
    function _nonceOf(address owner) internal view returns (uint256) {
        return (_accounts[owner] >> _NONCE_SHIFT) & _COUNTER_MASK;
    }

    /// @dev Consumes the current signature nonce of `owner`.
    function _useNonce(address owner) internal {
        // A 64-bit nonce cannot realistically overflow: each use costs a signed transaction.
        unchecked {
            _accounts[owner] += 1 << _NONCE_SHIFT;
        }
    }

    function _tokenIdOf(address owner, uint256 mintIndex) private pure returns (uint256) {
        return (uint256(uint160(owner)) << _TOKEN_INDEX_BITS) | mintIndex;
    }
}
