/**
 * An in-memory emulator of the Feishu Project Open API over real HTTP, for the sandbox
 * and the tests.
 * <p>
 * CW-1 to CW-10, where comments name them, are the create rules of docs/design.md
 * (#create-rules).
 */
package fpimport.emulator;
