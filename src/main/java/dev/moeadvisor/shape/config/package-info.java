/**
 * Hugging Face {@code config.json} import ({@link dev.moeadvisor.shape.config.ConfigImporter}, one small mapper per
 * family of {@code model_type}s, every unread key reported, every error naming its key) and export
 * ({@link dev.moeadvisor.shape.config.ConfigExporter}: {@code config.json}, Megatron-LM arguments, torchtitan TOML).
 * Plain Java with Jackson's tree model.
 */
package dev.moeadvisor.shape.config;
