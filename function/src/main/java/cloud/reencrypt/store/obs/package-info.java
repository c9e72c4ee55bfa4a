/**
 * The OBS implementation of {@link cloud.reencrypt.store.ObjectStore}, on Huawei Cloud's OBS Java
 * SDK ({@code esdk-obs-java}). This is the only package that imports {@code com.obs}: SDK types and
 * SDK exceptions stop here and leave as the store package's own types. Composes run on the server
 * where the parts allow it ({@code UploadPartCopy}), which S3Proxy, the tests' server, supports
 * too.
 */
package cloud.reencrypt.store.obs;
