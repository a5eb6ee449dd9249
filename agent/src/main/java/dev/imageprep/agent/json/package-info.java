/**
 * The only package that uses Jackson. It holds the mapper every JSON output shares (reports, the
 * image-version manifest, {@code rules list --format json}, the cleanup journal) and the mix-ins that
 * give the rules module's types their JSON shape, so that rules stays free of Jackson and the shape
 * is declared in one place.
 */
package dev.imageprep.agent.json;
