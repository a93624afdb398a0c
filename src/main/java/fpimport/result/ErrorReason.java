package fpimport.result;

/** A reason why rows failed, with how many rows it stopped. */
public record ErrorReason(String reason, long rows) {
}
