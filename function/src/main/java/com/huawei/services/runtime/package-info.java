/**
 * A stand-in for the public API of the FunctionGraph Java runtime ({@code Runtime-2.0.5.jar}),
 * which is not published to Maven Central. Written from the documented signatures so the handlers
 * compile; the FunctionGraph package excludes this tree and the platform supplies the real classes.
 */
package com.huawei.services.runtime;
