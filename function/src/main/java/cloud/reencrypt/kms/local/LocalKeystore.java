package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.local.KeystoreDocument.CredentialEntry;
import cloud.reencrypt.kms.local.crypto.Randomness;
import cloud.reencrypt.kms.local.crypto.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * The local engine's keystore: a JSON file, path from {@code REENCRYPT_KEYSTORE}.
 *
 * <pre>{@code
 * { "project_id": "<32 hex chars>",
 *   "domain_id": "<32 hex chars>",                        (optional, ours)
 *   "public_demo": true,                                  (optional, ours: the committed demo)
 *   "credentials": [ {"access_key": "...", "secret_key": "..."} ],
 *   "auth_tokens": [ "..." ],
 *   "keys": [ { "key_id": "<lower-case uuid>", "key_alias": "...",
 *               "key_spec": "AES_256|SM4|RSA_2048|RSA_3072|RSA_4096|SM2",
 *               "key_usage": "ENCRYPT_DECRYPT", "key_state": "2",
 *               "key_material": "<base64: AES_256 32 raw bytes, SM4 16 raw bytes,
 *                                 RSA and SM2 a PKCS#8 DER private key>",
 *               "key_description": "...", "creation_date": "<ms>",      (optional, ours)
 *               "scheduled_deletion_date": "<ms>",                      (optional, ours)
 *               "datakey_mode": "GCM|CBC" } ] }                         (optional, ours)
 * }</pre>
 *
 * <p>Reads are lock-free: {@link #snapshot()} compares the file's stamp (inode, mtime, size) with
 * the loaded one, at most once a millisecond unless this JVM wrote the file, and reloads only when
 * another writer replaced the file. Writes ({@link #update}) take the writers' lock, re-read the
 * file, apply the change to the fresh document and replace the file atomically (see {@link
 * KeystoreFile}), so concurrent threads and processes never lose each other's keys. Fields this
 * code does not know are kept. A corrupt file is reported (KMS code KMS.0101, without its path: the
 * message may reach a server's client) and never overwritten. A missing file is an empty keystore;
 * the first write creates it with a fresh project ID, credential and auth token.
 */
public final class LocalKeystore {
  /**
   * How long a snapshot is used before the file is looked at again. A {@code stat} per request was
   * a quarter of a manifest line's time on a busy machine; another process's write is now seen
   * within this time, and a write through any keystore of this JVM at once ({@link #WRITES}).
   */
  static final long RECHECK_NANOS = 1_000_000;

  /** Writes through this JVM's keystores, by file: a reader that sees the count move looks. */
  private static final ConcurrentHashMap<Path, AtomicLong> WRITES = new ConcurrentHashMap<>();

  /**
   * @param writes this JVM's write count for the file when the snapshot was taken
   */
  private record Loaded(KeystoreSnapshot snapshot, FileStamp stamp, long writes) {}

  private final KeystoreFile file;
  private final KeystoreCodec codec;
  private final AtomicLong writes;
  private volatile Loaded loaded;
  private volatile long checkedNanos;

  /** On a file; tests pass a {@link KeystoreFile} that records what is read and written. */
  LocalKeystore(KeystoreFile file) {
    this.file = file;
    this.codec = new KeystoreCodec(new MaterialCache());
    this.writes = WRITES.computeIfAbsent(file.path(), p -> new AtomicLong());
    this.loaded = load(writes.get());
    this.checkedNanos = System.nanoTime();
  }

  /**
   * Opens and validates the keystore at {@code path}: every field, except that RSA and SM2 key
   * material is decoded on a key's first use (a bad one then fails that use with KMS.0101), so that
   * requests for symmetric keys never pay for, or load, the asymmetric parsers.
   *
   * @throws cloud.reencrypt.kms.KmsException KMS.0101 when the file is unreadable or invalid
   */
  public static LocalKeystore open(Path path) {
    return new LocalKeystore(new KeystoreFile(path));
  }

  public Path path() {
    return file.path();
  }

  /**
   * The current keystore, reloaded first if another writer changed the file: at once after a write
   * through this JVM, within {@value #RECHECK_NANOS} ns after another process's.
   */
  public KeystoreSnapshot snapshot() {
    Loaded current = loaded;
    long written = writes.get();
    long now = System.nanoTime();
    if (written == current.writes && now - checkedNanos < RECHECK_NANOS) {
      return current.snapshot;
    }
    checkedNanos = now;
    if (written == current.writes && current.stamp.equals(file.stamp())) {
      return current.snapshot;
    }
    synchronized (this) {
      if (!loaded.stamp.equals(file.stamp())) {
        loaded = load(written);
      } else if (loaded.writes != written) {
        loaded = new Loaded(loaded.snapshot, loaded.stamp, written);
      }
      return loaded.snapshot;
    }
  }

  /**
   * True for the committed public demo keystore: it says {@code "public_demo": true}, or it holds
   * one of the demo keys ({@link DemoKeys}). Its keys are public; the handlers refuse it inside
   * FunctionGraph.
   */
  public boolean isPublicDemo() {
    KeystoreSnapshot snapshot = snapshot();
    return snapshot.publicDemo() || snapshot.keys().keySet().stream().anyMatch(DemoKeys::isDemo);
  }

  /**
   * Applies a change under the writers' lock to the freshly read document and writes the result.
   * The change edits the document through the {@link KeystoreEdit} and may throw a {@link
   * cloud.reencrypt.kms.KmsException} to refuse, in which case nothing is written.
   *
   * @param change receives the edit and the document's validated snapshot; returns the caller's
   *     result
   */
  public <T> T update(BiFunction<KeystoreEdit, KeystoreSnapshot, T> change) {
    return file.locked(
        () -> {
          KeystoreDocument read = readDocument().orElseGet(LocalKeystore::newDocument);
          KeystoreEdit edit = new KeystoreEdit(read);
          T result = change.apply(edit, codec.parse(read));
          KeystoreDocument document = edit.document();
          KeystoreSnapshot next = codec.parse(document);
          write(document);
          loaded = new Loaded(next, file.stamp(), writes.incrementAndGet());
          return result;
        });
  }

  /**
   * @param written this JVM's write count, read before the file
   */
  private Loaded load(long written) {
    FileStamp stamp = file.stamp();
    Optional<KeystoreDocument> read = readDocument();
    return new Loaded(
        codec.parse(read.orElseGet(LocalKeystore::newDocument)),
        read.isPresent() ? stamp : FileStamp.MISSING,
        written);
  }

  /**
   * The file's document, empty when there is no file. The bytes read hold every key's material and
   * every credential, so they are wiped once bound.
   */
  private Optional<KeystoreDocument> readDocument() {
    byte[] bytes = file.readOrNull();
    try {
      return bytes == null ? Optional.empty() : Optional.of(codec.read(bytes));
    } finally {
      Secrets.wipe(bytes);
    }
  }

  /** Writes the document; its bytes, the whole keystore, are wiped once on disk. */
  private void write(KeystoreDocument document) {
    byte[] content = codec.write(document);
    try {
      file.replace(content);
    } finally {
      Secrets.wipe(content);
    }
  }

  private static KeystoreDocument newDocument() {
    CredentialEntry credential =
        new CredentialEntry(
            Encodings.hex(Randomness.bytes(10)).toUpperCase(Locale.ROOT),
            Encodings.base64(Randomness.bytes(30)),
            null);
    return new KeystoreDocument(
        null,
        Encodings.hex(Randomness.bytes(16)),
        Encodings.hex(Randomness.bytes(16)),
        List.of(credential),
        List.of(Encodings.base64(Randomness.bytes(32))),
        List.of(),
        null);
  }
}
