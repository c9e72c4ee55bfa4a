package cloud.reencrypt.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectStore.ListPage;
import cloud.reencrypt.store.ObjectStoreException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The behaviour every {@link ObjectStore} must have, run against each implementation by a subclass.
 * Subclasses supply the store, a fresh bucket per test, and a way to look at storage directly,
 * bypassing the store under test.
 */
public abstract class ObjectStoreContract {
  private static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";
  private static final byte[] DIGITS = "0123456789".getBytes(UTF_8);

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

  @Test
  void openRange_fromStart_returnsFirstBytesWithWholeObjectInfo() throws IOException {
    writeDigits();

    assertRangeReads(0, 4, "0123");
  }

  @Test
  void openRange_middle_returnsOnlyThoseBytes() throws IOException {
    writeDigits();

    assertRangeReads(3, 4, "3456");
  }

  @Test
  void openRange_pastEnd_stopsAtEnd() throws IOException {
    writeDigits();

    assertRangeReads(7, 100, "789");
    assertRangeReads(0, Long.MAX_VALUE, "0123456789");
  }

  @Test
  void openRange_zeroLength_returnsEmptyStreamWithInfo() throws IOException {
    writeDigits();

    assertRangeReads(0, 0, "");
    assertRangeReads(5, 0, "");
  }

  @Test
  void openRange_offsetAtOrBeyondEnd_returnsEmptyStreamWithInfo() throws IOException {
    writeDigits();

    assertRangeReads(10, 5, "");
    assertRangeReads(11, 5, "");
    assertRangeReads(1_000_000, 5, "");
    store.write(bucket, "r", Map.of(), out -> {});
    assertRangeReads(0, 5, "");
  }

  @Test
  void openRange_missingObject_throwsNotFound() {
    for (long length : new long[] {0, 5}) {
      ObjectStoreException e =
          assertThrows(ObjectStoreException.class, () -> store.open(bucket, "absent", 0, length));
      assertEquals(Reason.NOT_FOUND, e.reason());
    }
  }

  @Test
  void openRange_negativeOffsetOrLength_throwsInvalidArgument() throws IOException {
    writeDigits();

    for (long[] range : new long[][] {{-1, 5}, {0, -1}}) {
      ObjectStoreException e =
          assertThrows(
              ObjectStoreException.class, () -> store.open(bucket, "r", range[0], range[1]));
      assertEquals(Reason.INVALID_ARGUMENT, e.reason());
    }
  }

  @Test
  void list_keysWithSlashesAndMultiByte_comeInUtf8ByteOrder() throws IOException {
    // Characters below U+D800 only: S3Proxy's in-memory store sorts as Java strings (UTF-16),
    // which differs from UTF-8 above that; DirectoryTreeTest checks the directory store there.
    List<String> sorted =
        List.of("A", "a.c", "a/b", "a/b.x", "a/c/d", "a0", "ab", "z", "\u00e9", "\u6587");
    for (String key :
        List.of("z", "a0", "a/c/d", "\u00e9", "a.c", "\u6587", "a/b", "A", "ab", "a/b.x")) {
      put(key, key);
    }

    assertEquals(new ListPage(infos(sorted), null), store.list(bucket, null, null, 1000));
  }

  @Test
  void list_prefix_returnsOnlyKeysStartingWithIt() throws IOException {
    for (String key : List.of("a/b", "a/b.x", "a/c/d", "a.c", "a0", "ab", "b/a")) {
      put(key, key);
    }

    assertEquals(List.of("a/b", "a/b.x", "a/c/d"), listKeys("a/"));
    assertEquals(List.of("a/b", "a/b.x"), listKeys("a/b"));
    assertEquals(List.of("a/c/d"), listKeys("a/c/"));
    assertEquals(List.of("a.c", "a/b", "a/b.x", "a/c/d", "a0", "ab"), listKeys("a"));
    assertEquals(List.of(), listKeys("a/c/d/"));
    assertEquals(List.of(), listKeys("nothing"));
  }

  @Test
  void list_threePages_markerContinuesAfterPreviousPage() throws IOException {
    List<String> keys = List.of("p/1", "p/2", "p/q/3", "p/q/4", "p/q/5", "p/r", "p0");
    for (String key : keys) {
      put(key, key);
    }
    put("o", "outside the prefix");

    ListPage first = store.list(bucket, "p", null, 3);
    ListPage second = store.list(bucket, "p", first.nextMarker(), 3);
    ListPage third = store.list(bucket, "p", second.nextMarker(), 3);

    assertEquals(new ListPage(infos(keys.subList(0, 3)), "p/q/3"), first);
    assertEquals(new ListPage(infos(keys.subList(3, 6)), "p/r"), second);
    assertEquals(new ListPage(infos(keys.subList(6, 7)), null), third);
  }

  @Test
  void list_infos_carryEtagAndSizeWithoutMetadata() throws IOException {
    ObjectInfo written = store.write(bucket, "k", Map.of("m", "1"), out -> out.write(DIGITS));

    ObjectInfo listed = store.list(bucket, "", null, 1).objects().get(0);

    assertEquals(new ObjectInfo(bucket, "k", written.etag(), DIGITS.length, Map.of()), listed);
  }

  @Test
  void list_markerAtOrAfterLastKey_returnsEmptyLastPage() throws IOException {
    put("a", "a");

    assertEquals(new ListPage(List.of(), null), store.list(bucket, null, "a", 10));
    assertEquals(new ListPage(List.of(), null), store.list(bucket, null, "b", 10));
  }

  @Test
  void listDeleteAndRangedOpen_missingBucket_throwNotFound() {
    String missing = "no-such-bucket-x";
    List<Executable> calls =
        List.of(
            () -> store.list(missing, null, null, 10),
            () -> store.delete(missing, "k"),
            () -> store.open(missing, "k", 0, 1));
    for (Executable call : calls) {
      assertEquals(Reason.NOT_FOUND, assertThrows(ObjectStoreException.class, call).reason());
    }
  }

  @Test
  void list_maxKeysOutsideOneToThousand_throwsInvalidArgument() {
    for (int maxKeys : new int[] {0, -1, 1001}) {
      ObjectStoreException e =
          assertThrows(ObjectStoreException.class, () -> store.list(bucket, null, null, maxKeys));
      assertEquals(Reason.INVALID_ARGUMENT, e.reason(), "maxKeys " + maxKeys);
    }
  }

  @Test
  void delete_presentObject_headShowsNothingAndMetadataIsGone() throws IOException {
    store.write(bucket, "d", Map.of("m", "1"), out -> out.write(DIGITS));
    put("e", "kept");

    store.delete(bucket, "d");

    assertNothingAt("d");
    assertEquals(List.of("e"), listKeys(""));
    assertEquals(Map.of(), store.write(bucket, "d", Map.of(), out -> {}).userMetadata());
    assertEquals(Map.of(), store.head(bucket, "d").orElseThrow().userMetadata());
  }

  @Test
  void delete_absentObject_succeeds() throws IOException {
    store.delete(bucket, "absent");
    store.delete(bucket, "absent");

    assertNothingAt("absent");
  }

  @Test
  void delete_lastKeyBelowSlashes_letsTheKeyOfItsFolderBeWritten() throws IOException {
    put("x/y/z", "deep");
    put("x/w", "sibling");

    store.delete(bucket, "x/y/z");
    put("x/y", "now an object");
    store.delete(bucket, "x/w");
    store.delete(bucket, "x/y");
    put("x", "now an object too");

    assertEquals(List.of("x"), listKeys(""));
    assertArrayEquals("now an object too".getBytes(UTF_8), readAll("x"));
  }

  @Test
  void compose_threeParts_equalsConcatenationWithMetadata() throws IOException {
    List<ObjectInfo> parts = List.of(put("p1", "alpha-"), put("p2", "beta-"), put("p3", "gamma"));
    Map<String, String> metadata = Map.of(OutputMetadata.SOURCE_ETAG, "abc");

    ObjectInfo composed = store.compose(bucket, "t", metadata, parts);

    assertArrayEquals("alpha-beta-gamma".getBytes(UTF_8), readAll("t"));
    assertEquals(Optional.of(composed), store.head(bucket, "t"));
    assertEquals(metadata, composed.userMetadata());
    assertEquals(16, composed.size());
  }

  @Test
  void compose_samePartsTwice_giveSameBytes() throws IOException {
    List<ObjectInfo> parts = List.of(put("p1", "one,"), put("p2", "two,"), put("p1b", "three"));

    store.compose(bucket, "t1", Map.of(), parts);
    store.compose(bucket, "t2", Map.of(), parts);
    store.compose(bucket, "t1", Map.of(), parts);

    assertArrayEquals("one,two,three".getBytes(UTF_8), readAll("t1"));
    assertArrayEquals(readAll("t1"), readAll("t2"));
  }

  @Test
  void compose_noParts_writesEmptyObject() throws IOException {
    ObjectInfo composed = store.compose(bucket, "t", Map.of("m", "1"), List.of());

    assertEquals(0, composed.size());
    assertEquals(EMPTY_MD5, composed.etag());
    assertArrayEquals(new byte[0], readAll("t"));
  }

  @Test
  void compose_partsIncludeTarget_throwsInvalidArgumentAndKeepsTarget() throws IOException {
    ObjectInfo target = put("t", "target");
    List<ObjectInfo> parts = List.of(put("p1", "part"), target);

    ObjectStoreException e =
        assertThrows(ObjectStoreException.class, () -> store.compose(bucket, "t", Map.of(), parts));

    assertEquals(Reason.INVALID_ARGUMENT, e.reason());
    assertEquals(Optional.of(target), store.head(bucket, "t"));
    assertArrayEquals("target".getBytes(UTF_8), readAll("t"));
  }

  @Test
  void compose_partDeletedMeanwhile_publishesNothingAndKeepsPreviousTarget() throws IOException {
    ObjectInfo previous =
        store.write(bucket, "t", Map.of("v", "1"), out -> out.write("previous".getBytes(UTF_8)));
    List<ObjectInfo> parts = List.of(put("p1", "secret-one"), put("p2", "secret-two"));
    store.delete(bucket, "p2");

    for (String target : List.of("t", "fresh")) {
      ObjectStoreException e =
          assertThrows(
              ObjectStoreException.class,
              () -> store.compose(bucket, target, Map.of("v", "2"), parts));
      assertEquals(Reason.NOT_FOUND, e.reason(), e.getMessage());
      assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
    assertEquals(Optional.of(previous), store.head(bucket, "t"));
    assertArrayEquals("previous".getBytes(UTF_8), readAll("t"));
    assertNothingAt("fresh");
  }

  /** Writes {@code content} at {@code key} without metadata. */
  protected ObjectInfo put(String key, String content) throws IOException {
    return store.write(bucket, key, Map.of(), out -> out.write(content.getBytes(UTF_8)));
  }

  private List<String> listKeys(String prefix) throws IOException {
    return store.list(bucket, prefix, null, 1000).objects().stream().map(ObjectInfo::key).toList();
  }

  /** The infos a listing gives for keys whose content is the key itself ({@link #put}). */
  private List<ObjectInfo> infos(List<String> keys) throws IOException {
    List<ObjectInfo> infos = new ArrayList<>();
    for (String key : keys) {
      byte[] content = key.getBytes(UTF_8);
      String etag = Md5.hex(new ByteArrayInputStream(content));
      infos.add(new ObjectInfo(bucket, key, etag, content.length, Map.of()));
    }
    return infos;
  }

  /** Writes {@link #DIGITS} with metadata at {@code r}, the object the range tests read. */
  private void writeDigits() throws IOException {
    store.write(bucket, "r", Map.of("m", "1"), out -> out.write(DIGITS));
  }

  /** Reads a range of {@code r}: the bytes expected, and the info of the whole object. */
  private void assertRangeReads(long offset, long length, String expected) throws IOException {
    ObjectInfo whole = store.head(bucket, "r").orElseThrow();
    try (StoredObject object = store.open(bucket, "r", offset, length)) {
      String read = new String(object.content().readAllBytes(), UTF_8);
      assertEquals(expected, read, "offset " + offset + ", length " + length);
      assertEquals(whole, object.info());
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
