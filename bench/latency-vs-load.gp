# Delivery latency percentiles against offered load, for bench/run.sh's load sweep.
# Variables (gnuplot -e): natter, reference (data files; reference may be ""), output (PNG), xtics (a tics list),
# subtitle. Data columns: offered deliveries/s, achieved deliveries/s, p50, p90, p99, p99.9 (ms), loss %.

set terminal pngcairo size 1100,700 font "DejaVu Sans,11" linewidth 1.2
set output output
set title "Delivery latency vs offered load\n{/*0.8 ".subtitle."}"
set logscale xy
set xtics @xtics
set format y "%g"
set xlabel "offered load, deliveries/s (one room of 100 clients, 10 senders, 64-byte messages)"
set ylabel "delivery latency, ms (log scale)"
set grid xtics ytics mytics lc rgb "#dddddd"
set key outside right top box
set offsets graph 0.04, graph 0.04, 0, 0

names = "p50 p90 p99 p99.9"
colors = "#1b9e77 #7570b3 #d95f02 #e7298a"
lost(loss) = loss >= 0.1 ? sprintf("%.0f%% lost", loss) : ""

if (strlen(reference) > 0) {
    plot for [i=3:6] natter using 1:i with linespoints lw 2 pt 7 ps 0.9 lc rgb word(colors, i-2) \
             title "Natter ".word(names, i-2), \
         for [i=3:6] reference using 1:i with linespoints lw 2 dt 2 pt 6 ps 0.9 lc rgb word(colors, i-2) \
             title "Node ws ".word(names, i-2), \
         natter using 1:6:(lost($7)) with labels offset 0,1.2 font ",9" notitle, \
         reference using 1:6:(lost($7)) with labels offset 0,1.2 font ",9" notitle
} else {
    plot for [i=3:6] natter using 1:i with linespoints lw 2 pt 7 ps 0.9 lc rgb word(colors, i-2) \
             title "Natter ".word(names, i-2), \
         natter using 1:6:(lost($7)) with labels offset 0,1.2 font ",9" notitle
}
