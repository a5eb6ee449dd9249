/**
 * Other programs' YAML (and JSON) configuration files, cloud-init's and the EC2 launch agents', read
 * as data. The only package besides {@code catalog} that uses SnakeYAML: it sits below every other
 * package so that the cleanup planner and the checks can read those files without depending on the
 * catalog, which depends on them.
 */
package dev.imageprep.rules.yaml;
