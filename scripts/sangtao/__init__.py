"""sangtao: the register of new models and creative ways of working (mô hình mới, cách làm sáng tạo).

A Git repository is the database: units submit YAML documents through pull requests, the
pipeline validates them, dates them from the protected branch and publishes a status site.
"""

__version__ = "0.1.0"
