# Reads a .sav with R's foreign::read.spss as an R user would (its defaults: value labels applied,
# user-missing values kept) and writes what it read for spss-tools.ts to compare:
# data.csv, variable-labels.csv, value-labels.csv and warnings.txt (one warning per line).
# Usage: Rscript r-foreign-read.R FILE.sav OUT_DIR
args <- commandArgs(trailingOnly = TRUE)
sav <- args[1]
out <- args[2]
warnings <- character()
d <- withCallingHandlers(
  foreign::read.spss(sav),
  warning = function(w) {
    warnings <<- c(warnings, gsub("\n", " ", conditionMessage(w)))
    invokeRestart("muffleWarning")
  }
)
writeLines(warnings, file.path(out, "warnings.txt"), useBytes = TRUE)
write.csv(as.data.frame(d, optional = TRUE), file.path(out, "data.csv"), row.names = FALSE, na = "")
labels <- attr(d, "variable.labels")
write.csv(data.frame(name = names(labels), label = unname(labels)), file.path(out, "variable-labels.csv"), row.names = FALSE)
tables <- attr(d, "label.table")
rows <- lapply(names(tables), function(n) {
  t <- tables[[n]]
  if (length(t) == 0) return(NULL)
  data.frame(variable = n, value = trimws(unname(t), which = "right"), label = names(t))
})
write.csv(do.call(rbind, c(list(data.frame(variable = character(), value = character(), label = character())), rows)),
  file.path(out, "value-labels.csv"), row.names = FALSE)
