package main

// The bench site's home page and chart definitions (English only).

const homeMD = `---
title: Women in prison in Benchland
---

The benchmark's province site: a synthetic export of prisoners by year, province, sex and legal
status.

## Women and men in prison

{{< chart "women-men" >}}

## Women's share of all prisoners

{{< chart "female-share" >}}

## Women in prison by province, latest year

{{< chart "women-by-province" >}}
`

const chartWomenMen = `id = "women-men"
kind = "line"
places = "national"
years = "all"

[[series]]
indicator = "prisoners"
breakdown = "female"

[[series]]
indicator = "prisoners"
breakdown = "male"

[text.en]
title = "Women and men in prison, {place}"
subtitle = "Number of prisoners on 31 December"
notes = "Sum over the provinces."
source = "Benchland prison service (synthetic)"
x_axis = "Year"
y_axis = "Prisoners"
series = ["Women", "Men"]
alt_series = ["women in prison", "men"]
`

const chartFemaleShare = `id = "female-share"
kind = "share line"
places = "national"
years = "all"

[[series]]
indicator = "female_share"
breakdown = ""

[text.en]
title = "Women as a share of all prisoners"
subtitle = "Percent of the prison population, {place}"
notes = "Counts on 31 December of each year."
source = "Benchland prison service (synthetic)"
x_axis = "Year"
y_axis = "Women (%)"
series = ["Women's share"]
alt_series = ["the share of women"]
`

const chartWomenByProvince = `id = "women-by-province"
kind = "ranking bar"
places = "provinces"
years = "latest"

[[series]]
indicator = "prisoners"
breakdown = "female"

[text.en]
title = "Women in prison, by province"
subtitle = "Number on 31 December {year}"
notes = "Provinces without a value are listed last with no bar."
source = "Benchland prison service (synthetic)"
y_axis = "Women in prison"
series = ["Women"]
`

const chartProvinceWomenMen = `id = "province-women-men"
kind = "bar"
places = "each province"
years = "all"

[[series]]
indicator = "prisoners"
breakdown = "female"

[[series]]
indicator = "prisoners"
breakdown = "male"

[text.en]
title = "Women and men in prison, {place}"
subtitle = "Number of prisoners on 31 December"
notes = "Counts on 31 December of each year."
source = "Benchland prison service (synthetic)"
x_axis = "Year"
y_axis = "Prisoners"
series = ["Women", "Men"]
alt_series = ["women in prison", "men"]
`

const chartProvincePretrial = `id = "province-pretrial"
kind = "share line"
places = "each province"
years = "all"

[[series]]
indicator = "pretrial_share"
breakdown = "female"

[[series]]
indicator = "pretrial_share"
breakdown = "male"

[text.en]
title = "Held without a sentence, {place}"
subtitle = "Pretrial detainees as a percent of prisoners, by sex"
notes = "Counts on 31 December of each year."
source = "Benchland prison service (synthetic)"
x_axis = "Year"
y_axis = "Pretrial (%)"
series = ["Women", "Men"]
alt_series = ["women held pretrial", "men held pretrial"]
`
