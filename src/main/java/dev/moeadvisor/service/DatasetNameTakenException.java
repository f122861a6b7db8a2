package dev.moeadvisor.service;

/**
 * Another upload of the same name was stored at the same moment and took its id (409): the upload was not stored;
 * sending it again stores it under the next free id.
 */
public class DatasetNameTakenException extends RuntimeException {
    public DatasetNameTakenException(String name) {
        super("another data set named " + Echo.quoted(name) + " was stored at the same moment; nothing was stored: "
                + "send the upload again (it gets the next free id) or choose another name");
    }
}
