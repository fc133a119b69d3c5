/** The demo chain: four stores in the Pacific Northwest and California, and one warehouse. */
export const DEMO_STORES = [
	{
		code: 'SEA1',
		name: 'Aisle Seattle Downtown',
		street: '1520 4th Ave',
		city: 'Seattle',
		region: 'WA',
		postalCode: '98101',
		latitude: 47.6114,
		longitude: -122.3368,
		taxRateBp: 1035,
		ships: true
	},
	{
		code: 'PDX1',
		name: 'Aisle Portland Pearl',
		street: '1120 NW Couch St',
		city: 'Portland',
		region: 'OR',
		postalCode: '97209',
		latitude: 45.5237,
		longitude: -122.6829,
		taxRateBp: 0,
		ships: false
	},
	{
		code: 'SFO1',
		name: 'Aisle San Francisco Market St',
		street: '845 Market St',
		city: 'San Francisco',
		region: 'CA',
		postalCode: '94103',
		latitude: 37.7841,
		longitude: -122.4075,
		taxRateBp: 863,
		ships: true
	},
	{
		code: 'SJC1',
		name: 'Aisle San José Santana Row',
		street: '377 Santana Row',
		city: 'San Jose',
		region: 'CA',
		postalCode: '95128',
		latitude: 37.3209,
		longitude: -121.9476,
		taxRateBp: 938,
		ships: false
	}
] as const;

export const DEMO_WAREHOUSE = {
	code: 'WH-RNO',
	name: 'Reno distribution centre',
	latitude: 39.5296,
	longitude: -119.8138
} as const;

export const DEMO_OPENING_HOURS = {
	mon: '10:00-20:00',
	tue: '10:00-20:00',
	wed: '10:00-20:00',
	thu: '10:00-21:00',
	fri: '10:00-21:00',
	sat: '10:00-21:00',
	sun: '11:00-18:00'
};
