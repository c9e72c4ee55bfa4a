/**
 * Object storage as the handlers see it: {@link cloud.reencrypt.store.ObjectStore} (streaming
 * reads, whole or of a {@link cloud.reencrypt.store.ByteRange}; whole-or-nothing writes with user
 * metadata; listing pages in UTF-8 byte order; deletes for the work location's job state; and
 * composing an object from others, whole or nothing, never from itself), the local {@link
 * cloud.reencrypt.store.DirectoryObjectStore}, the name and metadata rules both implementations
 * enforce, the metadata names of re-encrypted outputs, and the {@link
 * cloud.reencrypt.store.ObjectStores} factory of local stores. The OBS implementation lives in
 * {@code store.obs}, the only package that imports the OBS SDK; it depends on this package and
 * never the reverse (the composition root builds it), and nothing here exposes an SDK type.
 */
package cloud.reencrypt.store;
