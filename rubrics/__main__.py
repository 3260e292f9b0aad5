import sys

from rubrics.cli import main

sys.exit(main())
