import { expect } from "chai";
import { type Hex, bytesToHex, hexToBytes, verifyTypedData } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { assertMatchesRegisteredKey } from "#lib/crypto/keys/assertMatchesRegisteredKey.ts";
import { createKeyBackup } from "#lib/crypto/keys/createKeyBackup.ts";
import { deriveEncryptionKey } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { detectDeterministicSigning } from "#lib/crypto/keys/detectDeterministicSigning.ts";
import {
  ENCRYPTION_KEY_PURPOSE,
  encryptionKeyTypedData,
} from "#lib/crypto/keys/encryptionKeyTypedData.ts";
import { generateEncryptionKey, publicKeyOf } from "#lib/crypto/keys/generateEncryptionKey.ts";
import { openKeyBackup, readKeyBackupPublicKey } from "#lib/crypto/keys/openKeyBackup.ts";
import { bytes32ToPublicKey, publicKeyToBytes32 } from "#lib/crypto/keys/publicKeyBytes32.ts";
import { equalBytes, rejection } from "./helpers.ts";

// Hardhat's well-known development accounts #0 and #1.
const alice = privateKeyToAccount(
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
);
const bob = privateKeyToAccount(
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
);
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

const signKeyMessage = (account: typeof alice) =>
  account.signTypedData(encryptionKeyTypedData(account.address));

describe("member encryption keys", function () {
  this.timeout(30_000);

  describe("when deriving from a wallet signature", function () {
    it("builds a fixed EIP-712 message that viem signs and verifies, with no chain id", async function () {
      const typedData = encryptionKeyTypedData(alice.address);
      expect(typedData.domain).to.deep.equal({ name: "BioDentalNFT", version: "1" });
      expect(typedData.message).to.deep.equal({
        purpose: ENCRYPTION_KEY_PURPOSE,
        account: alice.address,
      });
      const signature = await signKeyMessage(alice);
      expect(await verifyTypedData({ address: alice.address, signature, ...typedData })).to.equal(
        true,
      );
    });

    it("derives the same key pair every time for one account, and different ones across accounts", async function () {
      const first = deriveEncryptionKey({ signature: await signKeyMessage(alice) });
      const second = deriveEncryptionKey({ signature: await signKeyMessage(alice) });
      const other = deriveEncryptionKey({ signature: await signKeyMessage(bob) });
      expect(first.privateKey.length).to.equal(32);
      expect(equalBytes(first.privateKey, second.privateKey)).to.equal(true);
      expect(equalBytes(first.publicKey, publicKeyOf(first.privateKey))).to.equal(true);
      expect(equalBytes(first.publicKey, other.publicKey)).to.equal(false);
    });

    it("derives the same key from every encoding of one signature (v 0/1 or 27/28, high s, EIP-2098)", async function () {
      const signature = hexToBytes(await signKeyMessage(alice));
      const expected = deriveEncryptionKey({ signature }).publicKey;
      const v = signature[64]!;
      const yParity = v - 27;
      const zeroOne = signature.slice();
      zeroOne[64] = yParity;
      const s = BigInt(bytesToHex(signature.subarray(32, 64)));
      const highS = signature.slice();
      highS.set(hexToBytes(`0x${(N - s).toString(16).padStart(64, "0")}`), 32);
      highS[64] = 27 + (1 - yParity);
      const compact = signature.slice(0, 64);
      compact[32]! |= yParity << 7;
      for (const variant of [zeroOne, highS, compact]) {
        expect(bytesToHex(deriveEncryptionKey({ signature: variant }).publicKey)).to.equal(
          bytesToHex(expected),
        );
      }
    });

    it("rejects input that is not a signature", function () {
      expect(() => deriveEncryptionKey({ signature: "0x1234" }))
        .to.throw()
        .with.property("name", "InvalidSignatureError");
      expect(() => deriveEncryptionKey({ signature: "hello" as Hex }))
        .to.throw()
        .with.property("name", "InvalidSignatureError");
    });
  });

  describe("when checking whether a wallet signs deterministically", function () {
    it("reports an EOA (RFC 6979) as deterministic and returns its signature", async function () {
      const result = await detectDeterministicSigning({ sign: () => signKeyMessage(alice) });
      expect(result.deterministic).to.equal(true);
      if (result.deterministic) expect(result.signature).to.equal(await signKeyMessage(alice));
    });

    it("reports a wallet whose signatures differ as non-deterministic", async function () {
      const random = async () => bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(65)));
      const result = await detectDeterministicSigning({ sign: random });
      expect(result.deterministic).to.equal(false);
    });
  });

  describe("when comparing with the registered key", function () {
    const { publicKey } = generateEncryptionKey();

    it("accepts the registered key, as bytes32 or bytes", function () {
      expect(() =>
        assertMatchesRegisteredKey({
          derivedPublicKey: publicKey,
          registeredPublicKey: publicKeyToBytes32(publicKey),
        }),
      ).not.to.throw();
      expect(() =>
        assertMatchesRegisteredKey({ derivedPublicKey: publicKey, registeredPublicKey: publicKey }),
      ).not.to.throw();
    });

    it("fails clearly on a mismatched derived key", function () {
      const other = generateEncryptionKey().publicKey;
      expect(() =>
        assertMatchesRegisteredKey({
          derivedPublicKey: other,
          registeredPublicKey: publicKeyToBytes32(publicKey),
        }),
      )
        .to.throw()
        .with.property("name", "EncryptionKeyMismatchError");
    });

    it("says when nothing is registered", function () {
      const zero = `0x${"0".repeat(64)}` as const;
      expect(() =>
        assertMatchesRegisteredKey({ derivedPublicKey: publicKey, registeredPublicKey: zero }),
      )
        .to.throw()
        .with.property("name", "NoRegisteredKeyError");
      expect(() => bytes32ToPublicKey(zero, bob.address))
        .to.throw(/0x7099.*has not registered/i)
        .with.property("name", "NoRegisteredKeyError");
    });

    it("converts public keys to and from the contract's bytes32", function () {
      const hex = publicKeyToBytes32(publicKey);
      expect(hex).to.match(/^0x[0-9a-f]{64}$/);
      expect(equalBytes(bytes32ToPublicKey(hex), publicKey)).to.equal(true);
      expect(() => bytes32ToPublicKey("0x1234"))
        .to.throw()
        .with.property("name", "InvalidPublicKeyError");
    });
  });

  describe("when backing up a random key under a passphrase", function () {
    const key = generateEncryptionKey();
    let backup: Uint8Array;
    before(async function () {
      backup = await createKeyBackup({
        privateKey: key.privateKey,
        passphrase: "correct horse battery staple",
      });
    });

    it("writes scrypt N=2^17 r=8 p=1 and the public key in clear", function () {
      const json = JSON.parse(new TextDecoder().decode(backup));
      expect(json.kdf).to.include({ name: "scrypt", N: 131072, r: 8, p: 1 });
      expect(json.publicKey).to.equal(bytesToHex(key.publicKey));
      expect(readKeyBackupPublicKey(backup)).to.equal(bytesToHex(key.publicKey));
      expect(new TextDecoder().decode(backup)).not.to.contain(bytesToHex(key.privateKey).slice(2));
    });

    it("opens with the passphrase", async function () {
      const opened = await openKeyBackup({ backup, passphrase: "correct horse battery staple" });
      expect(equalBytes(opened.privateKey, key.privateKey)).to.equal(true);
      expect(equalBytes(opened.publicKey, key.publicKey)).to.equal(true);
    });

    it("refuses a wrong passphrase", async function () {
      const error = await rejection(
        openKeyBackup({ backup, passphrase: "correct horse battery stapler" }),
      );
      expect(error.name).to.equal("WrongPassphraseError");
    });

    it("refuses bytes that are not a backup and hostile parameters", async function () {
      expect(
        (await rejection(openKeyBackup({ backup: new Uint8Array([1, 2, 3]), passphrase: "x" })))
          .name,
      ).to.equal("InvalidKeyBackupError");
      const json = JSON.parse(new TextDecoder().decode(backup));
      json.kdf.N = 2 ** 30;
      const hostile = new TextEncoder().encode(JSON.stringify(json));
      expect((await rejection(openKeyBackup({ backup: hostile, passphrase: "x" }))).name).to.equal(
        "InvalidKeyBackupError",
      );
    });
  });
});
