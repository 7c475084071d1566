"""Convert raw seeds into Markdown briefings with YAML front matter."""
from sitegen.convert.run import ConvertReport, convert_seeds
from sitegen.convert.seed import Converted, convert_seed
from sitegen.convert.topics import Taxonomy
from sitegen.convert.topics_file import load_taxonomy

__all__ = ["ConvertReport", "Converted", "Taxonomy", "convert_seed", "convert_seeds", "load_taxonomy"]
