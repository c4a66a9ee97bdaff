package com.plumbline.intake.rules;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trained model kept in a folder, so that a start with the same labelled messages, word folding and settings reads
 * its weights (about 10 MB, tens of milliseconds) instead of training again (seconds of a core). The file is named by a
 * SHA-256 of everything training reads ({@link #key}), so a model is only ever read back for exactly what trained it;
 * anything else (another file, one that does not read) and the model is trained and saved again.
 */
final class ModelCache {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);
    /** Changes when {@link TextModel#writeTo} or the training itself changes, so older files are never read. */
    private static final String FORMAT = "plumbline-model-2";
    private static final String SUFFIX = ".model";
    private static final String TEMPORARY = "training-";

    /** Null: keep nothing (the model is trained at every start). */
    private final Path folder;

    ModelCache(Path folder) {
        this.folder = folder;
    }

    /** Everything training reads: the messages with their labels and weights, the word folding and the settings. */
    static String key(List<LearnedModel.Weighted> examples, TextNormaliser normaliser, TextModel.Settings settings) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        update(sha, FORMAT);
        update(sha, settings.toString());
        update(sha, normaliser.folding());
        for (LearnedModel.Weighted w : examples) {
            update(sha, w.example().text());
            update(sha, w.example().priority().name());
            update(sha, w.example().serviceType().name());
            update(sha, Integer.toString(w.weight()));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Each part with its length before it, so that no two different lists of parts hash alike. */
    private static void update(MessageDigest sha, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static boolean isOurs(String name) {
        return name.endsWith(SUFFIX) || name.startsWith(TEMPORARY) && name.endsWith(".tmp");
    }

    /** The model saved under {@code key}, or null: none, or one that cannot be read (it is trained again). */
    TextModel read(String key, TextModel.Settings settings) {
        if (folder == null) {
            return null;
        }
        Path file = folder.resolve(key + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return TextModel.readFrom(in, settings);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The saved classification model {} cannot be read ({}): it is trained again", file, e.toString());
            return null;
        }
    }

    /**
     * Saves the model under {@code key} (written aside, then moved into place: a start that is killed meanwhile leaves no
     * half-written model) and deletes the models saved for other training data and any file written aside and left. A folder that cannot be written is
     * not an error: the next start trains again.
     */
    void write(String key, TextModel model) {
        if (folder == null) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, TEMPORARY, ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
                model.writeTo(out);
            }
            Path file = folder.resolve(key + SUFFIX);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // the models of other training data, and what a start killed while saving left behind
            try (Stream<Path> saved = Files.list(folder)) {
                for (Path other : saved.filter(f -> !f.equals(file) && isOurs(f.getFileName().toString())).toList()) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException e) {
            LOG.warn("The classification model cannot be saved in {} ({}): the next start trains it again", folder, e.toString());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", temporary, e);
                }
            }
        }
    }
}
