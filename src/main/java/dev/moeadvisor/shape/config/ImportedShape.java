package dev.moeadvisor.shape.config;

import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/**
 * A shape read from a Hugging Face {@code config.json}.
 *
 * @param modelType    the file's {@code model_type}
 * @param shape        the shape
 * @param ignoredKeys  keys present but not read because they change neither counts nor FLOPs (dotted paths)
 * @param seqLenSource where the sequence length came from ({@code request}, the config key, or {@code default})
 */
public record ImportedShape(String modelType, ModelShape shape, List<String> ignoredKeys, String seqLenSource) {
}
