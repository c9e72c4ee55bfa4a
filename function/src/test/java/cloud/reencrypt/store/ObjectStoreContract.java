package cloud.reencrypt.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectStoreException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ObjectStore} must have, run against each implementation by a subclass.
 * Subclasses supply the store, a fresh bucket per test, and a way to look at storage directly,
 * bypassing the store under test.
 */
public abstract class ObjectStoreContract {
  private static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

  protected ObjectStore store;
  protected String bucket;

  /** A store for one test; closed after it. */
  protected abstract ObjectStore newStore() throws IOException;

  /** Creates a bucket no other test uses and returns its name. */
  protected abstract String newBucket() throws IOException;

  /** Whether the object exists, asked of the storage directly. */
  protected abstract boolean existsInStorage(String bucket, String key) throws IOException;

  @BeforeEach
  void openStore() throws IOException {
    store = newStore();
    bucket = newBucket();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void write_withMetadata_roundTripsContentEtagAndMetadata() throws IOException {
    byte[] content = "The quick brown fox jumps over the lazy dog".getBytes(UTF_8);
    Map<String, String> metadata = Map.of("reencrypt-source-etag", "abc", "owner", "team-a");

    ObjectInfo written = store.write(bucket, "dir/file.txt", metadata, out -> out.write(content));

    assertEquals("9e107d9d372bb6826bd81d3542a419d6", written.etag());
    try (StoredObject object = store.open(bucket, "dir/file.txt")) {
      assertArrayEquals(content, object.content().readAllBytes());
      assertEquals(written, object.info());
      assertEquals(content.length, object.info().size());
      assertEquals(metadata, object.info().userMetadata());
    }
    assertEquals(Optional.of(written), store.head(bucket, "dir/file.txt"));
  }

  @Test
  void write_metadataWithEveryPrintableCharacter_roundTripsExactly() throws IOException {
    StringBuilder value = new StringBuilder("a b");
    for (char c = '!'; c <= '~'; c++) {
      value.append(c);
    }
    Map<String, String> metadata = Map.of("printable", value.toString(), "plus", "a+b%41");

    store.write(bucket, "k", metadata, out -> out.write(1));

    assertEquals(metadata, store.head(bucket, "k").orElseThrow().userMetadata());
  }

  @Test
  void write_emptyContent_roundTripsAsEmptyObject() throws IOException {
    ObjectInfo written = store.write(bucket, "empty", Map.of(), out -> {});

    assertEquals(EMPTY_MD5, written.etag());
    assertEquals(0, written.size());
    assertArrayEquals(new byte[0], readAll("empty"));
  }

  @Test
  void write_unicodeAndSpaceKey_roundTrips() throws IOException {
    String key = "folder with spaces/ünïcødé 文件 +%20.txt";
    store.write(bucket, key, Map.of("k", "v"), out -> out.write("x".getBytes(UTF_8)));

    assertArrayEquals("x".getBytes(UTF_8), readAll(key));
    assertEquals("v", store.head(bucket, key).orElseThrow().userMetadata("k").orElseThrow());
    assertTrue(existsInStorage(bucket, key));
  }

  @Test
  void write_overExistingObject_replacesContentAndMetadata() throws IOException {
    store.write(bucket, "k", Map.of("old", "1"), out -> out.write("old".getBytes(UTF_8)));
    store.write(bucket, "k", Map.of("new", "2"), out -> out.write("new".getBytes(UTF_8)));

    assertArrayEquals("new".getBytes(UTF_8), readAll("k"));
    assertEquals(Map.of("new", "2"), store.head(bucket, "k").orElseThrow().userMetadata());
  }

  @Test
  void write_writerThrows_publishesNothing() throws IOException {
    IOException failure =
        assertThrows(
            IOException.class,
            () ->
                store.write(
                    bucket,
                    "half",
                    Map.of(),
                    out -> {
                      out.write(new byte[10_000]);
                      throw new IOException("source stream broke");
                    }));

    assertEquals("source stream broke", failure.getMessage());
    assertNothingAt("half");
  }

  @Test
  void upload_abortedAfterContent_publishesNothing() throws IOException {
    ObjectUpload upload = store.upload(bucket, "aborted", Map.of());
    upload.stream().write(new byte[10_000]);
    upload.abort();

    assertNothingAt("aborted");
    assertThrows(IllegalStateException.class, upload::commit);
  }

  @Test
  void upload_closedWithoutCommit_publishesNothing() throws IOException {
    try (ObjectUpload upload = store.upload(bucket, "abandoned", Map.of())) {
      upload.stream().write(new byte[10_000]);
      upload.stream().close();
    }

    assertNothingAt("abandoned");
  }

  @Test
  void upload_abortedOverExistingObject_keepsPreviousObject() throws IOException {
    ObjectInfo previous =
        store.write(bucket, "k", Map.of("v", "1"), out -> out.write("one".getBytes(UTF_8)));
    try (ObjectUpload upload = store.upload(bucket, "k", Map.of("v", "2"))) {
      upload.stream().write("two".getBytes(UTF_8));
    }

    assertArrayEquals("one".getBytes(UTF_8), readAll("k"));
    assertEquals(Optional.of(previous), store.head(bucket, "k"));
  }

  @Test
  void upload_afterCommit_refusesMoreContentAndSecondCommit() throws IOException {
    ObjectUpload upload = store.upload(bucket, "once", Map.of());
    upload.stream().write(1);
    upload.commit();

    assertThrows(IOException.class, () -> upload.stream().write(2));
    assertThrows(IllegalStateException.class, upload::commit);
    upload.close();
    assertArrayEquals(new byte[] {1}, readAll("once"));
  }

  @Test
  void open_missingObject_throwsNotFound() {
    ObjectStoreException e =
        assertThrows(ObjectStoreException.class, () -> store.open(bucket, "absent"));

    assertEquals(Reason.NOT_FOUND, e.reason());
    assertTrue(e.getMessage().contains("absent"), e.getMessage());
  }

  @Test
  void head_missingObject_returnsEmpty() throws IOException {
    assertEquals(Optional.empty(), store.head(bucket, "absent"));
  }

  @Test
  void open_missingBucket_throwsNotFound() {
    ObjectStoreException e =
        assertThrows(ObjectStoreException.class, () -> store.open("no-such-bucket-x", "k"));

    assertEquals(Reason.NOT_FOUND, e.reason());
  }

  @Test
  void write_missingBucket_throwsNotFound() {
    ObjectStoreException e =
        assertThrows(
            ObjectStoreException.class,
            () -> store.write("no-such-bucket-x", "k", Map.of(), out -> out.write(1)));

    assertEquals(Reason.NOT_FOUND, e.reason());
    assertTrue(e.getMessage().contains("no-such-bucket-x"), e.getMessage());
  }

  @Test
  void open_invalidBucketName_throwsInvalidArgument() {
    for (String name : new String[] {"ab", "Upper", ".metadata", "a..b", "192.168.1.1", "-ab"}) {
      ObjectStoreException e =
          assertThrows(ObjectStoreException.class, () -> store.open(name, "k"), name);
      assertEquals(Reason.INVALID_ARGUMENT, e.reason(), name);
    }
  }

  @Test
  void write_invalidMetadata_throwsInvalidArgumentAndPublishesNothing() throws IOException {
    for (Map<String, String> metadata :
        List.of(
            Map.of("Upper", "v"),
            Map.of("bad name", "v"),
            Map.of("k", "caf\u00e9"),
            Map.of("k", " padded"),
            Map.of("k", "line\nbreak"),
            Map.of("k", "x".repeat(UserMetadata.MAX_TOTAL_BYTES)))) {
      ObjectStoreException e =
          assertThrows(
              ObjectStoreException.class,
              () -> store.write(bucket, "k", metadata, out -> out.write(1)),
              metadata.toString());
      assertEquals(Reason.INVALID_ARGUMENT, e.reason());
    }
    assertNothingAt("k");
  }

  @Test
  void isUpToDate_outputRecordsSourceEtag_matchesRegardlessOfQuotesAndCase() throws IOException {
    String etag = HexFormat.of().formatHex(new byte[16]).replace('0', 'a');
    store.write(bucket, "out", Map.of(OutputMetadata.SOURCE_ETAG, etag), out -> out.write(1));

    assertTrue(OutputMetadata.isUpToDate(store, bucket, "out", "\"" + etag.toUpperCase() + "\""));
    assertFalse(OutputMetadata.isUpToDate(store, bucket, "out", "bbbb"));
    assertFalse(OutputMetadata.isUpToDate(store, bucket, "absent", etag));
  }

  @Test
  void isUpToDate_outputWithoutSourceEtag_isFalse() throws IOException {
    store.write(bucket, "out", Map.of(), out -> out.write(1));

    assertFalse(OutputMetadata.isUpToDate(store, bucket, "out", EMPTY_MD5));
  }

  @Test
  void write_keysSharingPrefix_keepSeparateContentAndMetadata() throws IOException {
    store.write(bucket, "a/b/c", Map.of("n", "c"), out -> out.write('c'));
    store.write(bucket, "a/b/d", Map.of("n", "d"), out -> out.write('d'));
    store.write(bucket, "a/b.c", Map.of("n", "bc"), out -> out.write('e'));

    assertEquals("c", store.head(bucket, "a/b/c").orElseThrow().userMetadata("n").orElseThrow());
    assertEquals("d", store.head(bucket, "a/b/d").orElseThrow().userMetadata("n").orElseThrow());
    assertEquals("bc", store.head(bucket, "a/b.c").orElseThrow().userMetadata("n").orElseThrow());
    assertArrayEquals(new byte[] {'d'}, readAll("a/b/d"));
  }

  @Test
  void open_largeObject_streamsWholeContent() throws IOException {
    byte[] chunk = new byte[64 * 1024];
    int chunks = 64;
    ObjectInfo written =
        store.write(
            bucket,
            "large.bin",
            Map.of(),
            out -> {
              for (int i = 0; i < chunks; i++) {
                java.util.Arrays.fill(chunk, (byte) i);
                out.write(chunk);
              }
            });

    assertEquals((long) chunk.length * chunks, written.size());
    try (StoredObject object = store.open(bucket, "large.bin");
        InputStream in = object.content()) {
      assertEquals(written.etag(), Md5.hex(in));
    }
  }

  protected byte[] readAll(String key) throws IOException {
    try (StoredObject object = store.open(bucket, key)) {
      return object.content().readAllBytes();
    }
  }

  private void assertNothingAt(String key) throws IOException {
    assertEquals(Optional.empty(), store.head(bucket, key));
    assertFalse(existsInStorage(bucket, key));
  }
}
