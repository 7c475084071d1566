"""python -m sitegen -> cli.main()"""

import sys

from sitegen.cli import main

sys.exit(main())
