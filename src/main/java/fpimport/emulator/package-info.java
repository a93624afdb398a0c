/**
 * An in-memory emulator of the Feishu Project Open API over real HTTP, for the sandbox
 * and the tests.
 */
package fpimport.emulator;
