package dev.moeadvisor.memory;

/** Storage type of parameters or gradients, with its size in bytes. */
public enum Dtype {
    FP32(4),
    BF16(2),
    FP8(1);

    private final int bytes;

    Dtype(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }
}
