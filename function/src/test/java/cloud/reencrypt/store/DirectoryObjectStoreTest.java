package cloud.reencrypt.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectStoreException.Reason;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What only the directory store has: the file layout, key confinement and crash safety. */
class DirectoryObjectStoreTest {
  @TempDir Path temp;
  Path root;
  Path outside;
  DirectoryObjectStore store;

  @BeforeEach
  void createRoot() throws IOException {
    root = Files.createDirectories(temp.resolve("root"));
    outside = Files.createDirectories(temp.resolve("outside"));
    Files.createDirectories(root.resolve("bucket"));
    store = new DirectoryObjectStore(root);
  }

  @Test
  void open_fileDroppedIntoBucketDirectory_readsAsObjectWithMd5Etag() throws IOException {
    Path file = Files.createDirectories(root.resolve("bucket/in box")).resolve("ciphertext.txt");
    Files.writeString(file, "abc");

    try (StoredObject object = store.open("bucket", "in box/ciphertext.txt")) {
      assertArrayEquals("abc".getBytes(UTF_8), object.content().readAllBytes());
      assertEquals("900150983cd24fb0d6963f7d28e17f72", object.info().etag());
      assertEquals(3, object.info().size());
      assertEquals(Map.of(), object.info().userMetadata());
    }
  }

  // Expected ETags computed apart from this code (Python's hashlib), by S3's rule for an object
  // of parts: md5(md5(part 1) || md5(part 2) || ...) + "-" + number of parts.
  @Test
  void compose_writtenAndDroppedParts_etagIsMd5OfPartMd5sAndCount() throws IOException {
    ObjectInfo alpha = write("p1", "alpha-");
    Files.writeString(root.resolve("bucket/p2"), "beta-"); // no record: its ETag is its MD5
    ObjectInfo beta = store.head("bucket", "p2").orElseThrow();
    ObjectInfo gamma = write("p3", "gamma");

    ObjectInfo composed = store.compose("bucket", "t", Map.of(), List.of(alpha, beta, gamma));

    assertEquals("c10ce3374a4addd289e63a70906bd07e-3", composed.etag());
    assertEquals(Optional.of(composed), store.head("bucket", "t"));
    assertEquals("alpha-beta-gamma", Files.readString(root.resolve("bucket/t")));
  }

  @Test
  void compose_partThatIsComposed_hashesItsContentForTheEtag() throws IOException {
    ObjectInfo inner =
        store.compose(
            "bucket", "inner", Map.of(), List.of(write("p1", "alpha-"), write("p2", "beta-")));

    ObjectInfo composed =
        store.compose("bucket", "t", Map.of(), List.of(inner, write("p3", "gamma")));

    assertEquals("9b191478cf09329ff64430e2dadc649c-2", composed.etag());
    assertEquals("alpha-beta-gamma", Files.readString(root.resolve("bucket/t")));
  }

  @Test
  void open_handDroppedFileReadInRanges_hashesItOncePerIdentity() throws IOException {
    Path file = root.resolve("bucket/keys.jsonl");
    Files.writeString(file, "abc");
    FileTime modified = Files.getLastModifiedTime(file);
    assertEquals("900150983cd24fb0d6963f7d28e17f72", etagOfRange("keys.jsonl"));

    // Rewritten in place with its time put back: the same identity, so the same ETag, exactly as a
    // metadata record would vouch for it. Hashing it again would give d16fb36f... ("xyz").
    Files.writeString(file, "xyz");
    Files.setLastModifiedTime(file, modified);
    assertEquals("900150983cd24fb0d6963f7d28e17f72", etagOfRange("keys.jsonl"));

    Files.writeString(file, "abcd"); // another size: another identity, hashed again
    assertEquals("e2fc714c4727ee9395f324cd2e7f331f", etagOfRange("keys.jsonl"));
  }

  @Test
  void write_object_isPlainFileAtBucketSlashKeyAndMetadataStaysOutOfBucket() throws IOException {
    store.write("bucket", "a/b.txt", Map.of("k", "v"), out -> out.write("x".getBytes(UTF_8)));

    assertEquals("x", Files.readString(root.resolve("bucket/a/b.txt")));
    try (Stream<Path> files = Files.walk(root.resolve("bucket"))) {
      assertEquals(
          List.of(root.resolve("bucket/a/b.txt")), files.filter(Files::isRegularFile).toList());
    }
    assertTrue(Files.isRegularFile(root.resolve(".metadata/bucket/a/b.txt")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../outside/x",
        "a/../../outside/x",
        "/etc/passwd",
        "a//b",
        "a/./b",
        "..",
        "a/..",
        "dir/",
        "a\\..\\..\\x",
        "a\u0000b"
      })
  void everyOperation_keyEscapingOrMalformed_isRefusedAsInvalidArgument(String key) {
    for (ObjectStoreCall call : calls(key)) {
      ObjectStoreException e = assertThrows(ObjectStoreException.class, call::run, key);
      assertEquals(Reason.INVALID_ARGUMENT, e.reason(), key);
    }
    assertEquals(0, outside.toFile().list().length);
  }

  @Test
  void everyOperation_keyThroughSymlinkLeavingRoot_isRefused() throws IOException {
    Files.writeString(outside.resolve("secret"), "s");
    Files.createSymbolicLink(root.resolve("bucket/link"), outside);

    for (ObjectStoreCall call : calls("link/secret")) {
      ObjectStoreException e = assertThrows(ObjectStoreException.class, call::run);
      assertEquals(Reason.INVALID_ARGUMENT, e.reason());
      assertTrue(e.getMessage().contains("outside the root"), e.getMessage());
    }
    assertThrows(
        ObjectStoreException.class,
        () -> store.write("bucket", "link/new/file", Map.of(), out -> out.write(1)));
    assertEquals(List.of(outside.resolve("secret")), list(outside));
  }

  @Test
  void upload_abortedOrFailed_leavesNoStagedFile() throws IOException {
    try (ObjectUpload upload = store.upload("bucket", "k", Map.of())) {
      upload.stream().write(new byte[100_000]);
    }
    assertThrows(
        IOException.class,
        () ->
            store.write(
                "bucket",
                "k",
                Map.of(),
                out -> {
                  out.write(1);
                  throw new IOException("writer failed");
                }));

    assertEquals(List.of(), list(root.resolve(".staging")));
    assertFalse(Files.exists(root.resolve("bucket/k")));
  }

  @Test
  void write_keyBelowExistingObject_failsWithConflictAndKeepsObject() throws IOException {
    store.write("bucket", "a", Map.of(), out -> out.write('a'));

    ObjectStoreException e =
        assertThrows(
            ObjectStoreException.class,
            () -> store.write("bucket", "a/b", Map.of(), out -> out.write('b')));

    assertEquals(Reason.CONFLICT, e.reason());
    assertEquals("a", Files.readString(root.resolve("bucket/a")));
    assertEquals(List.of(), list(root.resolve(".staging")));
  }

  @Test
  void write_keyThatIsPrefixOfExistingKeys_failsWithConflictAndKeepsThem() throws IOException {
    store.write("bucket", "a/b", Map.of(), out -> out.write('b'));

    ObjectStoreException e =
        assertThrows(
            ObjectStoreException.class,
            () -> store.write("bucket", "a", Map.of(), out -> out.write('a')));

    assertEquals(Reason.CONFLICT, e.reason());
    assertEquals("b", Files.readString(root.resolve("bucket/a/b")));
  }

  @Test
  void head_objectReplacedByHand_dropsStaleMetadataAndReportsNewContentEtag() throws IOException {
    store.write("bucket", "k", Map.of(OutputMetadata.SOURCE_ETAG, "e1"), out -> out.write('1'));
    Files.writeString(root.resolve("bucket/k"), "abc");

    ObjectInfo info = store.head("bucket", "k").orElseThrow();

    assertEquals(Map.of(), info.userMetadata());
    assertEquals("900150983cd24fb0d6963f7d28e17f72", info.etag());
    assertFalse(OutputMetadata.isUpToDate(store, "bucket", "k", "e1"));
  }

  @Test
  void head_metadataRecordOfAnotherFile_isIgnored() throws IOException {
    // What a crash between the metadata rename and the object rename leaves behind.
    store.write("bucket", "a", Map.of("n", "a"), out -> out.write('a'));
    store.write("bucket", "b", Map.of("n", "b"), out -> out.write('b'));
    Files.copy(
        root.resolve(".metadata/bucket/b"),
        root.resolve(".metadata/bucket/a"),
        StandardCopyOption.REPLACE_EXISTING);

    ObjectInfo info = store.head("bucket", "a").orElseThrow();

    assertEquals(Map.of(), info.userMetadata());
    assertEquals(Md5.hex(new ByteArrayInputStream(new byte[] {'a'})), info.etag());
  }

  @Test
  void head_crashBetweenMetadataAndObjectRename_oldObjectKeepsItsMetadata() throws IOException {
    store.write("bucket", "k", Map.of("n", "old"), out -> out.write('o'));
    store.write("bucket", "staged", Map.of("n", "new"), out -> out.write('n'));
    // The record a commit of "staged"'s file to "k" renames into place before the object itself.
    ObjectMapper json = new ObjectMapper();
    ObjectNode record =
        (ObjectNode) json.readTree(root.resolve(".metadata/bucket/staged").toFile());
    record.set("previous", json.readTree(root.resolve(".metadata/bucket/k").toFile()));
    json.writeValue(root.resolve(".metadata/bucket/k").toFile(), record);

    ObjectInfo info = store.head("bucket", "k").orElseThrow();

    assertEquals(Map.of("n", "old"), info.userMetadata());
    assertEquals(Md5.hex(new ByteArrayInputStream(new byte[] {'o'})), info.etag());
  }

  @Test
  void head_corruptMetadataRecord_isIgnored() throws IOException {
    store.write("bucket", "k", Map.of("n", "v"), out -> out.write('k'));
    Files.writeString(root.resolve(".metadata/bucket/k"), "{not json");

    assertEquals(Map.of(), store.head("bucket", "k").orElseThrow().userMetadata());
  }

  @Test
  void open_rootDoesNotExist_throwsNotFound() throws IOException {
    DirectoryObjectStore missing = new DirectoryObjectStore(temp.resolve("nowhere"));

    ObjectStoreException e =
        assertThrows(ObjectStoreException.class, () -> missing.open("bucket", "k"));

    assertEquals(Reason.NOT_FOUND, e.reason());
    assertEquals(Optional.empty(), missing.head("bucket", "k"));
  }

  private List<ObjectStoreCall> calls(String key) {
    return List.of(
        () -> store.open("bucket", key),
        () -> store.head("bucket", key),
        () -> store.open("bucket", key, 1, 1),
        () -> store.delete("bucket", key),
        () -> store.upload("bucket", key, Map.of()).close());
  }

  private static List<Path> list(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.toList();
    }
  }

  @FunctionalInterface
  private interface ObjectStoreCall {
    void run() throws IOException;
  }

  private ObjectInfo write(String key, String content) throws IOException {
    return store.write("bucket", key, Map.of(), out -> out.write(content.getBytes(UTF_8)));
  }

  private String etagOfRange(String key) throws IOException {
    try (StoredObject object = store.open("bucket", key, 1, 1)) {
      return object.info().etag();
    }
  }
}
